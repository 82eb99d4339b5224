"""Audio: the recorder and player the app talks to (client.py), the child process that owns
PortAudio (child.py), voice-activity detection (vad.py), transcription behind a small
interface (transcribe.py, run in its own process after each answer) and the analysis that
joins them (analyse.py). No Textual here; numpy, sounddevice, soundfile and pocketsphinx
are imported only where used, never at start-up, and their absence is said, not raised."""
