"""Talking to receipt printers: the connections (file, network, USB, serial, CUPS) and the
background print worker. They reach the queue and the settings only through the shapes in
kiosk.services.printing_ports, never the ledger or the config."""
