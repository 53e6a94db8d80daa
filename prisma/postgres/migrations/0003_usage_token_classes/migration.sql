-- Generated together with 0001_init, which holds this migration's changes.
SELECT 1;
