import MotCuaCore

/// The desk's first screen, an ordinary root view: who is being served here, who is waiting,
/// and the counter's actions (call, recall, done, no-show, transfer) with the forms it opens.
/// Every change goes through the session (one store transaction with its audit event).
public final class QueueScreen: Screen {
    public let session: DeskSession
    /// The queue on screen (nil before the first successful load).
    public private(set) var snapshot: DeskSnapshot?
    /// The last load failed: the last data stays shown, with a warning.
    public private(set) var loadFailed = false
    /// Today's finished and no-show tickets are listed too (`queue.show-finished`).
    public private(set) var showsFinished = false
    /// First waiting row shown.
    public private(set) var waitingOffset = 0
    /// The waiting row the clerk moved to (nil until a movement key): `e` offers it.
    public private(set) var selectedWaiting: Int?
    /// Waiting rows that fit at the last render (for paging).
    private var page = 10
    /// Today's appointments due within the hour (shown on the last row when there are any).
    public private(set) var upcoming: [Appointment] = []
    /// Why the appointments due soon could not be read, if they could not.
    public private(set) var upcomingError: String?

    public init(session: DeskSession) {
        self.session = session
        reload()
    }

    public var keyContext: KeyContext { .queue }
    public var implementedActions: Set<Action> { Self.actions }
    static let actions: Set<Action> = [.walkinRegister, .dossierReceive, .queueCallNext, .queueRecall, .queueDone, .queueNoShow,
                                       .queueTransfer, .queueShowFinished, .queueBringBack, .walkinEdit, .searchStart,
                                       .cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast]
    /// What a clerk needs all morning.
    public var barActions: [Action] {
        [.help, .walkinRegister, .dossierReceive, .queueCallNext, .queueRecall, .queueDone, .queueNoShow, .viewAppointments, .viewDossiers, .quit]
    }

    public func text(for action: Action) -> ActionText? { Self.text(for: action) }

    /// The queue's wording for its actions (also for `motcua keys`).
    static func text(for action: Action) -> ActionText? {
        switch action {
        case .searchStart:
            ActionText(vi: "Tìm", "Tìm công dân, số thứ tự, hồ sơ", en: "Find", "Find citizens, tickets and dossiers")
        case .viewAppointments:
            // Short on the bar, so appointments and dossiers both fit at 80 columns.
            ActionText(vi: "Hẹn", "Xem lịch hẹn", en: "Appts", "Show appointments")
        case .cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast:
            ActionText(label: action.label, help: Localized(vi: action.helpLine.vi + " trong danh sách chờ",
                                                            en: action.helpLine.en + " in the waiting list"))
        default: nil
        }
    }

    public func refresh(host: ScreenHost) { reload() }

    private func reload() {
        // The line of appointments due soon: a failed read is said on that line, never shown as
        // "no appointments" (the queue itself still shows).
        do {
            upcoming = try session.upcomingAppointments()
            upcomingError = nil
        } catch {
            upcoming = []
            upcomingError = ErrorText.message(for: error, language: session.language)
        }
        if let s = session.snapshot() {
            snapshot = s
            loadFailed = false
            if let i = selectedWaiting, i >= s.waiting.count { selectedWaiting = s.waiting.isEmpty ? nil : s.waiting.count - 1 }
        } else {
            loadFailed = true
        }
    }

    public func statusNote(host: ScreenHost) -> StatusNote? {
        if loadFailed {
            return StatusNote(host.language == .en ? "Cannot read the data — retrying" : "Không đọc được dữ liệu — đang thử lại",
                              warning: true)
        }
        if let problem = session.calendarProblem {
            return StatusNote((host.language == .en ? "Calendar file not applied: " : "Tệp lịch chưa áp dụng: ") + problem, warning: true)
        }
        guard let s = snapshot, s.waiting.contains(where: { $0.waitedMinutes > QueueView.longWaitMinutes }) else { return nil }
        let m = QueueView.longWaitMinutes
        return StatusNote(host.language == .en ? "! waited more than \(m) minutes" : "! đã chờ quá \(m) phút")
    }

    // MARK: - Actions

    public func perform(_ action: Action, host: ScreenHost) -> Bool {
        switch action {
        case .cursorDown: select(by: 1)
        case .cursorUp: select(by: -1)
        case .pageDown: select(by: page)
        case .pageUp: select(by: -page)
        case .cursorFirst: select(by: Int.min / 2)
        case .cursorLast: select(by: Int.max / 2)
        case .searchStart: host.showRoot(.viewSearch)
        case .queueShowFinished:
            showsFinished.toggle()
            let vi = host.language == .vi
            host.say(showsFinished ? (vi ? "Hiện cả các số đã xong và vắng mặt hôm nay" : "Showing today's finished and no-show tickets")
                                   : (vi ? "Ẩn các số đã xong" : "Finished tickets hidden"))
        default:
            do { try performQueueAction(action, host: host) } catch { host.report(error) }
            reload()
            // The rows move after an action: the highlight would point at someone else.
            if action != .walkinEdit { selectedWaiting = nil }
        }
        return true
    }

    private func performQueueAction(_ action: Action, host: ScreenHost) throws {
        let vi = host.language == .vi
        switch action {
        case .queueCallNext:
            // Calling the next ticket finishes the current one as done (QueueRules.callNext).
            let result = try session.callNext()
            let finished = result.finished.map { vi ? "Số \($0.code) xong. " : "\($0.code) done. " } ?? ""
            if let t = result.called {
                host.say(finished + (vi ? "Mời số \(t.code) — \(t.applicantName) — đến quầy \(session.counter)"
                                        : "Calling \(t.code) — \(t.applicantName) — to counter \(session.counter)"))
            } else {
                host.say(finished + (vi ? "Không còn ai đang chờ" : "Nobody is waiting"))
            }
        case .queueRecall:
            let t = try session.recall()
            host.say(vi ? "Gọi lại số \(t.code) — \(t.applicantName) (lần \(t.recallCount + 1))"
                        : "Calling \(t.code) — \(t.applicantName) — again (\(t.recallCount + 1))")
        case .queueDone:
            let t = try session.finishCurrent(.done)
            let key = host.keyName(for: .queueCallNext, in: .queue).map { vi ? ". \($0) để gọi số tiếp theo" : ". \($0) calls the next ticket" } ?? ""
            host.say(vi ? "Số \(t.code) đã xong\(key)" : "\(t.code) done\(key)")
        case .queueNoShow:
            let t = try session.requireCurrent()
            let session = self.session
            host.confirm(YesNoQuestion(
                title: vi ? "Vắng mặt" : "No-show",
                message: vi ? "Số \(t.code) — \(t.applicantName) — không có mặt? Phiếu sẽ đóng."
                            : "\(t.code) — \(t.applicantName) — did not come? The ticket will be closed.",
                defaultYes: true, under: self,
                onYes: { host in
                    do {
                        let closed = try session.finishCurrent(.noShow)
                        host.say(vi ? "Số \(closed.code): vắng mặt" : "\(closed.code): no-show")
                    } catch { host.report(error) }
                }))
        case .queueTransfer:
            let t = try session.requireCurrent()
            let counters = try session.profile().counters
            let session = self.session
            host.push(PromptScreen(
                title: vi ? "Chuyển quầy" : "Transfer",
                label: vi ? "Chuyển số \(t.code) sang quầy (1–\(counters), trừ quầy \(session.counter)):"
                          : "Send \(t.code) to counter (1–\(counters), not \(session.counter)):",
                under: self, asciiOnly: true, maxLength: 2,
                validate: { text in
                    guard let n = Int(text), (1...counters).contains(n), n != session.counter else {
                        return vi ? "Quầy: cần một số từ 1 đến \(counters), khác quầy \(session.counter)"
                                  : "Counter: a number from 1 to \(counters), not \(session.counter)"
                    }
                    return nil
                },
                onAccept: { text, host in
                    // A refusal reopens the prompt with what was typed (PromptScreen).
                    let moved = try session.transferCurrent(to: Int(text) ?? 0)
                    host.say(vi ? "Đã chuyển số \(moved.code) sang quầy \(moved.counter ?? 0)"
                                : "\(moved.code) sent to counter \(moved.counter ?? 0)")
                }))
        case .queueBringBack:
            // Offered: this counter's latest no-show of today (the usual case: they were called
            // while away for a moment); any of today's no-shows can be typed instead.
            let offered = try session.todaysTickets().filter { $0.status == .noShow }
                .max { ($0.finishedAt ?? $0.issuedAt) < ($1.finishedAt ?? $1.issuedAt) }
            let session = self.session
            host.push(PromptScreen(
                title: vi ? "Người vắng mặt quay lại" : "A no-show came back",
                label: vi ? "Số thứ tự (vắng mặt hôm nay):" : "Ticket (a no-show of today):",
                text: offered?.code ?? "", under: self, asciiOnly: true, maxLength: 8,
                validate: { $0.isEmpty ? (vi ? "Cần nhập số thứ tự" : "A ticket is required") : nil },
                onAccept: { code, host in
                    let t = try session.move(code, .bringBack)
                    host.say(vi ? "Số \(t.code) — \(t.applicantName) — chờ lại đúng chỗ cũ" : "\(t.code) — \(t.applicantName) — waiting again in the old place")
                }))
        case .walkinEdit:
            let offered = try ticketToCorrect()
            let session = self.session
            let screen: Screen = self
            host.push(PromptScreen(
                title: vi ? "Sửa thông tin người đến" : "Correct a walk-in",
                label: vi ? "Số thứ tự cần sửa:" : "Ticket to correct:",
                text: offered?.code ?? "", under: self, asciiOnly: true, maxLength: 8,
                validate: { $0.isEmpty ? (vi ? "Cần nhập số thứ tự" : "A ticket is required") : nil },
                onAccept: { code, host in
                    guard let t = try session.db.ticket(code: code, day: session.today) else {
                        throw FieldError(field: "ticket", label: Localized(vi: "Số thứ tự", en: "Ticket"),
                                         problem: Localized(vi: "không có số \(code) hôm nay", en: "no ticket \(code) today"))
                    }
                    host.push(PromptScreen(
                        title: vi ? "Sửa họ tên — số \(t.code)" : "Correct the name — \(t.code)",
                        label: vi ? "Họ và tên đúng:" : "Correct full name:", text: t.applicantName, under: screen,
                        validate: { $0.isEmpty ? (vi ? "Cần nhập họ tên" : "A name is required") : nil },
                        onAccept: { name, host in
                            let fixed = try session.correctWalkIn(WalkInCorrection(ticketCode: t.code, name: name))
                            guard fixed.applicantName != t.applicantName else {
                                return host.say(vi ? "Số \(t.code): tên không đổi, không có gì được ghi" : "\(t.code): the name is unchanged; nothing recorded")
                            }
                            host.say(vi ? "Đã sửa số \(fixed.code): \(t.applicantName) → \(fixed.applicantName)"
                                        : "Corrected \(fixed.code): \(t.applicantName) → \(fixed.applicantName)")
                        }))
                }))
        case .walkinRegister:
            host.push(try WalkInFormScreen(session: session))
        case .dossierReceive:
            host.push(try ReceiveDossierScreen(session: session, ticket: try session.currentTicket()))
        default:
            break
        }
    }

    /// The ticket `e` offers: the waiting row the clerk moved to, else the one being served here,
    /// else the last one issued today (where a misheard name is noticed).
    private func ticketToCorrect() throws -> Ticket? {
        if let i = selectedWaiting, let rows = snapshot?.waiting, rows.indices.contains(i),
           let t = try session.db.ticket(code: rows[i].ticket, day: session.today) {
            return t
        }
        if let current = try session.currentTicket() { return current }
        return try session.todaysTickets().filter { !$0.status.isFinal }.max { $0.issuedAt < $1.issuedAt }
    }

    /// Moves the highlight in the waiting list, keeping it on screen.
    private func select(by delta: Int) {
        let count = snapshot?.waiting.count ?? 0
        guard count > 0 else { selectedWaiting = nil; return }
        let (moved, overflow) = (selectedWaiting ?? (delta > 0 ? -1 : count)).addingReportingOverflow(delta)
        let target = overflow ? (delta < 0 ? 0 : count - 1) : moved
        selectedWaiting = min(max(0, target), count - 1)
        let visible = max(1, count > page ? page - 1 : page)
        if let s = selectedWaiting {
            if s < waitingOffset { waitingOffset = s }
            if s >= waitingOffset + visible { waitingOffset = s - visible + 1 }
        }
        clampScroll()
    }

    private func clampScroll() {
        let count = snapshot?.waiting.count ?? 0
        waitingOffset = min(max(0, waitingOffset), max(0, count - page))
    }

    // MARK: - Drawing

    /// `Hẹn sắp tới: 09:00 Nguyễn Văn A (hướng dẫn) · 09:15 …`: as many whole items as fit in
    /// `width`, then how many more.
    static func upcomingLine(_ list: [Appointment], language: Language, width: Int = Int.max) -> String {
        let items = list.map { "\(TimeOfDay.hhmm($0.startMinute)) \($0.applicantName) (\($0.kind.label.text(language).lowercased()))" }
        let head = language == .en ? "Appointments due: " : "Hẹn sắp tới: "
        var line = head
        for (i, item) in items.enumerated() {
            let candidate = line + (i == 0 ? "" : " · ") + item
            let left = items.count - i - 1
            let more = left > 0 ? (language == .en ? " · +\(left) more" : " · +\(left) hẹn nữa") : ""
            guard CellWidth.of(candidate + more) <= width || i == 0 else {
                let rest = items.count - i
                return line + (language == .en ? " · +\(rest) more" : " · +\(rest) hẹn nữa")
            }
            line = candidate
        }
        return line
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        var bottom = bottom
        if (!upcoming.isEmpty || upcomingError != nil) && bottom - top > 8 {
            bottom -= 1
            let text = upcomingError.map { (host.language == .en ? "Appointments due soon: " : "Hẹn sắp tới: ") + $0 }
                ?? Self.upcomingLine(upcoming, language: host.language, width: g.cols - 2)
            g.put(row: bottom, col: 1, text: CellWidth.truncate(text, toCells: g.cols - 2),
                  style: upcomingError == nil ? CellStyle(.bold) : CellStyle(.bold, role: .warning))
        }
        page = QueueView.waitingRoom(top: top, bottom: bottom, servingCount: snapshot?.serving.count ?? 0)
        clampScroll()
        guard let snapshot else { return }
        QueueView.render(into: &g, top: top, bottom: bottom, snapshot: snapshot, offset: waitingOffset, selected: selectedWaiting,
                         showFinished: showsFinished, language: host.language, symbols: host.symbols)
    }
}
