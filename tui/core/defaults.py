"""Settings' defaults and limits that pure rules use too: their one home, importing nothing, so
that reading the settings at start-up does not import the rules of applications and work logs."""

GHOST_DAYS = 21  # default of the ghost_days setting: an application this long without a reply is quiet
MAX_PER_WEEK = 100  # a work-search target beyond this is a typo, not a programme's rule
