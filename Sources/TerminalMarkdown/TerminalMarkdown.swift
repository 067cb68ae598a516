// Placeholder; the terminal renderer lands with its own files.
