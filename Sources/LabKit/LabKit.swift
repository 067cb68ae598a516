// Placeholder; the lab model and parser land with their own files.
