"""Practice rules that join the question bank and the dossiers. No Textual here."""
