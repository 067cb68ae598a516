// The wire protocols land here.
