"""The deals pipeline board: one column per stage, drag a card to move the deal."""
