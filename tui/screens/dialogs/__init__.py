"""Modal dialogs, each on the one Dialog base."""
