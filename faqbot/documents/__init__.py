"""Reading the clinic's documents: files of any format -> cleaned text -> passages."""
