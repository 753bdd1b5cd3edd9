"""Interim: the quiz widget is being built (issue 5). Renders nothing yet."""


def render(topic=None, count=None, page=None) -> str:
    return ""
