"""heldout3: an independent held-out generator of 劳动午报 page files and their gold key."""
