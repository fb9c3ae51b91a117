import MotCuaCore

/// The views the desk can switch to from anywhere (`view.queue`, `view.dossiers`, …), in one
/// table: an action with no row here is not a view yet, so it is not in help or on the bar and
/// its key does nothing rather than promise a screen that is not there.
public struct RootViews {
    public struct Entry {
        public let action: Action
        public let make: () -> Screen
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Registers (or replaces) the view opened by `action`.
    public mutating func register(_ action: Action, make: @escaping () -> Screen) {
        entries.removeAll { $0.action == action }
        entries.append(Entry(action: action, make: make))
    }

    public var actions: Set<Action> { Set(entries.map(\.action)) }

    public func make(_ action: Action) -> Screen? { entries.first { $0.action == action }?.make() }
}

extension KeyContext {
    /// The context's name for the help page's title.
    var title: Localized {
        switch self {
        case .global: Localized(vi: "Chung", en: "General")
        case .queue: Localized(vi: "Hàng chờ", en: "Queue")
        case .appointments: Localized(vi: "Lịch hẹn", en: "Appointments")
        case .waitlist: Localized(vi: "Danh sách chờ", en: "Waitlist")
        case .dossiers: Localized(vi: "Hồ sơ", en: "Dossiers")
        case .search: Localized(vi: "Tìm kiếm", en: "Search")
        case .form: Localized(vi: "Biểu mẫu", en: "Form")
        case .board: Localized(vi: "Bảng theo dõi", en: "Board")
        case .reports: Localized(vi: "Báo cáo", en: "Reports")
        }
    }
}
