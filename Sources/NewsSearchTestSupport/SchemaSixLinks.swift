/// How schemas 1–6 stored actor links, a row per (article, actor) with its reverse index: for tests
/// that turn an index back into an older one to check that upgrading it packs the links.
public enum SchemaSixLinks {
    public static let createTable = """
        CREATE TABLE document_actors(
            document_id INTEGER NOT NULL, actor_id INTEGER NOT NULL, mentions INTEGER NOT NULL,
            PRIMARY KEY(document_id, actor_id)) WITHOUT ROWID;
        CREATE INDEX document_actors_actor ON document_actors(actor_id, document_id);
        """
    public static let insert = "INSERT INTO document_actors(document_id, actor_id, mentions) VALUES (?, ?, ?)"
}
