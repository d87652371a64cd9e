"""The touchscreen: the only package that imports Qt. Screens call services and show domain
values; slow work goes through tasks.TaskRunner, never the GUI thread."""
