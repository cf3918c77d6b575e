// Entry point; the shell front end (interactive, -c, -File) is being built in the foundation issue.
return 0;
