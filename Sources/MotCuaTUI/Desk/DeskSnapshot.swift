import MotCuaCore

/// The title line of the desk screen.
public struct DeskHeader: Hashable, Sendable {
    /// The desk's name, e.g. `Bộ phận Một cửa`.
    public var desk: String
    /// The commune, e.g. `Xã Tân Lập` (shown even at 80 columns; not repeated when the desk's
    /// name already says it).
    public var commune: String
    /// The counter (quầy) number of this clerk.
    public var counter: Int
    /// The clerk's name.
    public var clerk: String
    /// Date and time as shown, e.g. `08:05 25/11/2026` (formatted by the caller's clock).
    public var clock: String
    /// The input method in force (`Telex`, `VNI`, `Tắt`), shown so the clerk knows what typing does.
    public var inputMethod: String = ""
    /// The clock without the year (`08:05 25/11`), for when the header is short of room; empty:
    /// the clock is never shortened.
    public var shortClock: String = ""
    /// Dossiers due today and overdue (nil: not shown, e.g. a header without a store).
    public var workload: DeskWorkload?
    /// Said instead of the counter and clerk by a screen that is no counter's (the board's
    /// `Bảng theo dõi (chỉ xem)`).
    public var role: String?

    public init(desk: String, commune: String = "", counter: Int, clerk: String, clock: String, inputMethod: String = "",
                shortClock: String = "", workload: DeskWorkload? = nil) {
        self.desk = desk; self.commune = commune; self.counter = counter; self.clerk = clerk; self.clock = clock; self.inputMethod = inputMethod
        self.shortClock = shortClock; self.workload = workload
    }
}

/// "Late, before it happens": how many dossiers in progress fall due today and how many are
/// past their due date, for the header (`Hạn hôm nay: 3 · Quá hạn: 2`).
public enum DeskWorkload: Hashable, Sendable {
    case counts(dueToday: Int, overdue: Int)
    /// The store could not count them: said as `?`, never shown as 0.
    case unreadable

    public var overdue: Int? { if case .counts(_, let n) = self { n } else { nil } }
    public var dueToday: Int? { if case .counts(let n, _) = self { n } else { nil } }

    /// The two pieces as the header shows them, the long wording or the short one:
    /// `Hạn hôm nay: 3` / `Quá hạn: 2`, or `Đến hạn 3` / `Quá hạn 2`.
    public func pieces(_ language: Language, short: Bool) -> (due: String, overdue: String) {
        let en = language == .en
        let due = dueToday.map(String.init) ?? "?"
        let late = overdue.map(String.init) ?? "?"
        if short {
            return en ? ("Due \(due)", "Late \(late)") : ("Đến hạn \(due)", "Quá hạn \(late)")
        }
        return en ? ("Due today: \(due)", "Overdue: \(late)") : ("Hạn hôm nay: \(due)", "Quá hạn: \(late)")
    }
}

/// One ticket in the queue, already formatted for display.
public struct QueueLine: Hashable, Sendable {
    /// Ticket number, e.g. `A012`.
    public var ticket: String
    public var name: String
    /// Priority group label (`Người cao tuổi`), nil when the citizen has none.
    public var priority: String?
    /// What they came for (procedure or field name).
    public var purpose: String
    /// Status label (`Đang chờ`, `Đang phục vụ`, …).
    public var status: String
    /// Minutes since the ticket was taken.
    public var waitedMinutes: Int
    /// Being served at this counter (marked with `Symbols.pointer`).
    public var isMine: Bool
    /// An appointment's ticket: `hẹn 08:00`, shown in the priority column (not a priority).
    public var appointment: String?

    public init(ticket: String, name: String, priority: String? = nil, purpose: String, status: String, waitedMinutes: Int,
                isMine: Bool = false, appointment: String? = nil) {
        self.appointment = appointment
        self.ticket = ticket; self.name = name; self.priority = priority
        self.purpose = purpose; self.status = status; self.waitedMinutes = waitedMinutes; self.isMine = isMine
    }

    public var isPriority: Bool { priority.map { !$0.isEmpty } ?? false }

    /// What the priority column shows: the priority group, else the appointment time.
    public var priorityColumn: String { isPriority ? (priority ?? "") : (appointment ?? "") }
}

/// Everything the queue screen shows, loaded from the store in one read.
public struct DeskSnapshot: Hashable, Sendable {
    /// Tickets waiting, in calling order (priority first, as the model decides).
    public var waiting: [QueueLine]
    /// Tickets being served at this counter.
    public var serving: [QueueLine]
    /// Today's finished tickets (done, no-show, left), latest first: shown on request.
    public var finished: [QueueLine]

    public init(waiting: [QueueLine], serving: [QueueLine], finished: [QueueLine] = []) {
        self.waiting = waiting; self.serving = serving; self.finished = finished
    }
}
