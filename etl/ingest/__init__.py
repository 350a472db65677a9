"""Find input files, decode, parse, clean, detect language, fingerprint; quarantine bad input with a reason."""
