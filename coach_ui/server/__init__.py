"""Starting the app: the launcher (`coach app`, scripts/run) and the warm-up beside the server.

Not widgets: nothing here is drawn. The pages and their glue are the rest of coach_ui.
"""
