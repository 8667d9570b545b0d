"""What the entity and place scorers share: a row of precision, recall and F1, and its table."""


def figure_row(tp: int, gold: int, predicted: int) -> dict:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "gold": gold,
        "predicted": predicted,
    }


def print_table(figures: dict, *, width: int) -> None:
    """One line a row that found or expected anything."""
    print(f"{'':{width}} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>5} {'found':>6}")
    for name, row in figures.items():
        if row["gold"] or row["predicted"]:
            print(
                f"{name:{width}} {row['precision']:9.1%} {row['recall']:7.1%} {row['f1']:6.1%} "
                f"{row['gold']:5} {row['predicted']:6}"
            )
