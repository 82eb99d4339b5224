"""Helper processes spoken to in JSON lines (the speech helper, the audio helper, the
transcriber): the lowest layer, used by speech and audio alike."""
