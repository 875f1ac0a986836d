"""Operations shared by the web views and the CLI commands (writes flush; the caller commits)."""
