"""The pure core of the action plans: no Flask, no database; plain data in and out."""
