// The Hummingbird app lands here.
