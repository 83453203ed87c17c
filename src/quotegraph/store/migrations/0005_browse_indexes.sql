-- Issue 18: indexes the browse pages read their counts from, so a listing never reads every
-- article's text (n_statements is stored after it) or every statement row.
CREATE INDEX articles_outlet ON articles (outlet, published, n_statements);
CREATE INDEX articles_n_statements ON articles (n_statements);
CREATE INDEX statements_speaker_article ON statements (speaker_id, article_id);
