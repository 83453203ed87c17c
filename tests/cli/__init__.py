"""Tests of the `quotegraph` command, one module per cli/ module, through CliRunner or a subprocess."""
