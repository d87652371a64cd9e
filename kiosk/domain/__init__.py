"""Pure domain: money, NIP and scan payloads, regulation, months, compliance, cart.

Nothing here imports the rest of the project or any third-party package (a test keeps it so).
"""
