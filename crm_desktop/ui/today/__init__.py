"""The Today screen: what needs doing now — overdue and today's tasks, deals about to close,
what was said lately."""
