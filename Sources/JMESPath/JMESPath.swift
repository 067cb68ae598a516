// Placeholder; the JMESPath implementation lands with its own files.
