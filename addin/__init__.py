"""UPR Matrix: Excel templates and checks for the follow-up of the Universal Periodic Review."""

__version__ = "0.1.0"
