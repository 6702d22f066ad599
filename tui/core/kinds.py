"""The kinds of interaction with a contact: their one home, importing nothing, so that a goal
counting some kinds (``interactions:coffee``) is read at start-up without the contact rules."""

KINDS = ("message", "email", "call", "coffee", "meeting", "referral", "intro", "other")
