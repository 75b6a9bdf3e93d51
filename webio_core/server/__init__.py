"""Transport-agnostic server machinery that every backend plugin reuses."""
