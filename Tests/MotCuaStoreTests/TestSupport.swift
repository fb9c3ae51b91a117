import Foundation
import GRDB
import Testing
import MotCuaCore
@testable import MotCuaStore

/// A fresh folder per test: storage tests run on real SQLite files, never in memory.
struct TempDir: Sendable {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "motcua-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The one place the store tests choose an implementation: every suite that runs against
/// `DeskStore` gets its store here, so another implementation (PostgreSQL) can run the same suite
/// by changing this function.
func makeStore(in dir: TempDir) throws -> any DeskStore {
    try AppDatabase(path: dir.file("desk.sqlite"))
}

/// A store on a temp file that lives as long as the suite instance (Swift Testing makes one
/// instance per test) and whose folder is removed with it.
final class StoreFixture: Sendable {
    let dir: TempDir
    let store: any DeskStore

    init() throws {
        dir = try TempDir()
        store = try makeStore(in: dir)
    }

    deinit { dir.remove() }
}

func at(_ text: String) -> Date {
    guard let l = LocalDateTime(parsing: text) else { fatalError("bad test time \(text)") }
    return VietnamTime.instant(l)
}

func date(_ iso: String) -> LocalDate {
    guard let d = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return d
}

let clerk1 = Actor(user: "lan", counter: 1)
let clerk2 = Actor(user: "minh", counter: 2)
let testCalendar = WorkingCalendar()

/// Procedures of the built-in catalog the tests lean on (checked in `catalogHasTheTestProcedures`).
enum P {
    /// Xác nhận tình trạng hôn nhân: 3 working days, desk or post.
    static let xnhn = "HT-XNHN"
    /// Khai sinh: same day (15:00 cut-off), desk or post.
    static let ks = "HT-KS"
    /// Trợ cấp xã hội: 15 working days, desk, post or home.
    static let tcht = "BTXH-TCHT"
}

extension DeskStore {
    @discardableResult
    func receive(_ name: String, procedure: String = P.xnhn, idNumber: String? = nil, ticket: String? = nil,
                 identity: IdentityChoice? = nil, allowDuplicate: Bool = false, delivery: String? = nil, address: String? = nil,
                 at time: String, actor: Actor = clerk1) throws -> Dossier {
        try receiveDossier(ReceiveRequest(procedureCode: procedure, name: name, idNumber: idNumber, address: address,
                                          ticketCode: ticket, delivery: delivery, identity: identity, allowDuplicate: allowDuplicate),
                           now: at(time), actor: actor, calendar: testCalendar)
    }

    @discardableResult
    func walkIn(_ name: String, priority: String? = nil, idNumber: String? = nil, at time: String, actor: Actor = clerk1) throws -> Ticket {
        try addWalkIn(WalkInRequest(name: name, priority: priority, idNumber: idNumber), now: at(time), actor: actor)
    }

    @discardableResult
    func move(_ code: String, _ move: TicketMove, counter: Int? = nil, to: Int? = nil, at time: String, actor: Actor = clerk1) throws -> Ticket {
        try moveTicket(TicketMoveRequest(ticketCode: code, move: move, counter: counter, toCounter: to), now: at(time), actor: actor)
    }

    func requireTicket(_ code: String, on day: String) throws -> Ticket {
        try #require(try ticket(code: code, day: date(day)), "no ticket \(code) on \(day)")
    }

    func requireDossier(_ code: String) throws -> Dossier {
        try #require(try dossier(code: code), "no dossier \(code)")
    }

    func allDossiers() throws -> [Dossier] { try dossiers(matching: DossierQuery()) }

    func actions(_ entity: String, _ key: String) throws -> [String] { try events(entity: entity, key: key).map(\.action) }
}

/// SQLite-specific helpers: raw SQL on the store's file, for what only a damaged or old file
/// holds (an unknown status, an old profile layout). Not part of the protocol on purpose.
func rawSQL(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws {
    let q = try DatabaseQueue(path: path)
    try q.write { db in try db.execute(sql: sql, arguments: arguments) }
    try q.close()
}

func rawFetch(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws -> [Row] {
    let q = try DatabaseQueue(path: path)
    defer { try? q.close() }
    return try q.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
}
