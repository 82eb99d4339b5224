"""Speech: the speaker the app talks to, and the child process that owns the engine."""
