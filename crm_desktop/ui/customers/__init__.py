"""The customer's page: header, related records in tabs, and the timeline."""
