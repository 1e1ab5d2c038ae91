"""Learning from labelled questions: the query adapter, its fit and bars, the warning model, evaluation."""
