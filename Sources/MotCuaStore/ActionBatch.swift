import Foundation
import GRDB
import MotCuaCore

/// The audit events of one clerk action, written inside its transaction. They share a batch
/// (the first event's id), which is what an undo takes back as a whole: call-next that finishes
/// one ticket and calls another is one action, undone at once.
struct ActionBatch {
    let db: Database
    let at: Date
    let actor: Actor
    private(set) var batch: Int64?
    private(set) var eventIds: [Int64] = []

    init(_ db: Database, at: Date, actor: Actor) { self.db = db; self.at = at; self.actor = actor }

    mutating func record(entity: String, key: String, action: String, data: EventData) throws {
        try db.execute(sql: """
            INSERT INTO events (at, user, counter, entity, entity_key, action, data, batch) VALUES (?,?,?,?,?,?,?,?)
            """, arguments: [Timestamp.text(at), actor.user, actor.counter, entity, key, action, data.json(), batch])
        let id = db.lastInsertedRowID
        if batch == nil {
            batch = id
            try db.execute(sql: "UPDATE events SET batch = id WHERE id = ?", arguments: [id])
        }
        eventIds.append(id)
    }
}

extension Ticket {
    /// The key of a ticket's events: the day and the code (numbers start again each day).
    var eventKey: String { "\(day.iso)/\(code)" }
}
