"""Models of the app; they arrive with the app's own issue."""
