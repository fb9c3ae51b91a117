import Foundation
import MotCuaCore
import MotCuaStore

/// Danh sách chờ (`d` on the appointments screen): the day's waitlist as a list to choose from.
/// F2 books the selected person (the booking form filled from the entry, the place held for
/// them as its time); Del takes them off the waitlist with a reason, and a place they held
/// passes to the next person, whose offer page opens. The same screen, with one entry, is the
/// page of a place to offer after a cancel, a reschedule or a removal: F2 books that person.
final class WaitlistScreen: Screen {
    let session: DeskSession
    let day: LocalDate
    /// The page of one offer (lines to read, then F2); nil for the day's list.
    let offerLines: [String]?
    private(set) var entries: [WaitlistEntry]
    var list = ListView(count: 0, height: 10)
    private let onBooked: (LocalDate) -> Void

    init(session: DeskSession, day: LocalDate, onBooked: @escaping (LocalDate) -> Void = { _ in }) {
        self.session = session
        self.day = day
        self.offerLines = nil
        self.entries = []
        self.onBooked = onBooked
        reload()
    }

    init(session: DeskSession, offer: WaitlistEntry, lines: [String], onBooked: @escaping (LocalDate) -> Void = { _ in }) {
        self.session = session
        self.day = offer.day
        self.offerLines = lines
        self.entries = [offer]
        self.onBooked = onBooked
        list.setCount(1)
    }

    var keyContext: KeyContext { .waitlist }
    var isModal: Bool { true }
    static let movement: Set<Action> = [.cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast]
    static let actions: Set<Action> = movement.union([.appointmentBook, .appointmentWaitlistRemove, .formSubmit, .formCancel])
    var implementedActions: Set<Action> {
        offerLines != nil ? [.appointmentBook, .formSubmit, .formCancel] : Self.actions
    }
    var barActions: [Action] {
        offerLines != nil ? [.help, .appointmentBook, .formCancel]
                          : [.help, .appointmentBook, .appointmentWaitlistRemove, .cursorDown, .cursorUp, .formCancel]
    }

    func text(for action: Action) -> ActionText? { Self.text(for: action) }

    static func text(for action: Action) -> ActionText? {
        switch action {
        case .appointmentBook:
            ActionText(vi: "Đặt hẹn", "Đặt hẹn cho người đang chọn (điền sẵn từ danh sách chờ)",
                       en: "Book", "Book the selected person (filled from the waitlist)")
        case .formSubmit, .formCancel: ActionText(vi: "Đóng", "Đóng trang này", en: "Close", "Close this page")
        case .cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast:
            ActionText(label: action.label, help: Localized(vi: action.helpLine.vi + " trong danh sách chờ",
                                                            en: action.helpLine.en + " in the waitlist"))
        default: nil
        }
    }

    func refresh(host: ScreenHost) { if offerLines == nil { reload() } }

    /// The store's error when the last read failed: said on the page, never shown as "nobody waits".
    private(set) var loadError: String?

    func reload() {
        do {
            entries = try session.db.waitlist(day: day).filter { $0.status != .closed }
            loadError = nil
        } catch {
            loadError = ErrorText.message(for: error, language: session.language)
        }
        list.setCount(entries.count)
    }

    var selected: WaitlistEntry? {
        guard let i = list.selected, entries.indices.contains(i) else { return nil }
        return entries[i]
    }

    func perform(_ action: Action, host: ScreenHost) -> Bool {
        guard implementedActions.contains(action) else { return false }
        switch action {
        case .formSubmit, .formCancel: host.pop(self)
        case .cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast: list.perform(action)
        case .appointmentBook: book(host)
        case .appointmentWaitlistRemove: remove(host)
        default: return false
        }
        return true
    }

    private func book(_ host: ScreenHost) {
        guard let e = selected else {
            host.say(host.language == .en ? "Nobody selected" : "Chưa chọn ai trong danh sách chờ", warning: true)
            return
        }
        do {
            let done = onBooked
            let form = try BookAppointmentScreen(session: session, day: e.day, prefill: e, onBooked: { [weak self] d in
                done(d)
                self?.reload()
            })
            if offerLines != nil { host.replace(self, with: form) } else { host.push(form) }
        } catch { host.report(error) }
    }

    private func remove(_ host: ScreenHost) {
        let en = host.language == .en
        guard let e = selected, let id = e.id else {
            host.say(en ? "Nobody selected" : "Chưa chọn ai trong danh sách chờ", warning: true)
            return
        }
        let session = session
        let done = onBooked
        host.push(PromptScreen(
            title: en ? "Remove \(e.reference) \(e.applicantName) from the waitlist" : "Bỏ \(e.reference) \(e.applicantName) khỏi danh sách chờ",
            label: en ? "Reason:" : "Lý do:", under: self,
            validate: { $0.isEmpty ? (en ? "Reason: a reason is required" : "Lý do: bắt buộc nhập lý do") : nil },
            onAccept: { [weak self] reason, host in
                let r = try session.db.removeFromWaitlist(id, reason: reason, now: session.now, actor: session.actor)
                self?.reload()
                done(e.day)
                host.say(en ? "\(r.entry.reference) \(r.entry.applicantName) taken off the waitlist"
                            : "Đã bỏ \(r.entry.reference) \(r.entry.applicantName) khỏi danh sách chờ")
                if let offer = r.offer {
                    AppointmentActions.showOffer(offer, message: r.message, session: session, host: host, onBooked: done)
                }
            }))
    }

    func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        guard bottom > top else { return }
        let en = host.language == .en
        let width = g.cols - 2
        if let offerLines {
            g.put(row: top, col: 1, text: CellWidth.truncate(en ? "Waitlist: a place to offer" : "Danh sách chờ: có chỗ để báo",
                                                             toCells: width), style: CellStyle(.bold))
            let wrapped = offerLines.flatMap { TextPanelScreen.wrap($0, width: width) }
            for (k, text) in wrapped.prefix(max(0, bottom - top - 2)).enumerated() {
                let style: CellStyle = text.hasPrefix("!") ? CellStyle(.bold, role: .warning) : .plain
                g.put(row: top + 2 + k, col: 1, text: CellWidth.truncate(text, toCells: width), style: style)
            }
            return
        }
        g.put(row: top, col: 1, text: CellWidth.truncate(en ? "Waitlist — \(day.vietnamese)" : "Danh sách chờ — \(day.vietnamese)",
                                                         toCells: width), style: CellStyle(.bold))
        if let loadError {
            g.put(row: top + 1, col: 1, text: CellWidth.truncate("! " + loadError, toCells: width), style: CellStyle(.bold, role: .warning))
        }
        guard !entries.isEmpty else {
            if loadError != nil { return }
            g.put(row: top + 2, col: 1, text: CellWidth.truncate(en ? "Nobody is on the waitlist for this day."
                                                                   : "Không có ai trong danh sách chờ của ngày này.", toCells: width))
            return
        }
        list.setHeight(max(1, bottom - top - 2))
        for (k, i) in list.visibleRange.enumerated() {
            let e = entries[i]
            let offered = e.offeredMinute.map { en ? " · place \(TimeOfDay.hhmm($0))" : " · chỗ \(TimeOfDay.hhmm($0))" } ?? ""
            let mark = e.status == .offered ? "!" : " "
            let line = "\(mark)\(e.reference) \(TimeOfDay.hhmm(e.wantedMinute)) \(e.kind.letter) \(e.applicantName) · \(e.phone) · "
                + e.statusLabel.text(host.language) + offered
            var style: CellStyle = e.status == .offered ? CellStyle(.bold, role: .warning) : .plain
            if list.selected == i { style = WidgetStyle.highlight }
            g.put(row: top + 2 + k, col: 1, text: CellWidth.fit(line, toCells: width), style: style)
        }
    }
}
