CREATE INDEX storetest_note_author ON storetest_note (author);
