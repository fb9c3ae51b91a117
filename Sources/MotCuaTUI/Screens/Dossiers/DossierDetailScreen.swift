import Foundation
import MotCuaCore
import MotCuaStore

/// One dossier: every field, how far it is from its due date, and its full history from the
/// audit log, scrolled with the movement keys. The dossier actions work here as on the
/// register; Esc closes.
public final class DossierDetailScreen: Screen {
    public let session: DeskSession
    public let code: String
    public private(set) var dossier: Dossier?
    public private(set) var applicant: Applicant?
    public private(set) var procedure: Procedure?
    public private(set) var events: [AuditEvent] = []
    /// First content line shown.
    public private(set) var offset = 0
    private var loadError: String?
    private var visibleRows = 15
    private var lineCount = 0

    public init(session: DeskSession, code: String) {
        self.session = session
        self.code = code
        reload()
    }

    public var keyContext: KeyContext { .dossiers }
    public var implementedActions: Set<Action> { Self.actions }
    static let actions: Set<Action> = DossierListScreen.movement.union(DossierActions.actions)
    public var barActions: [Action] { DossierActions.barActions }

    private func reload() {
        do {
            dossier = try session.db.dossier(code: code)
            if let d = dossier {
                applicant = try d.applicantId.flatMap { try session.db.applicant(id: $0) }
                procedure = try session.db.procedure(of: d)
                events = try session.db.events(entity: "dossier", key: d.code)
                loadError = nil
            } else {
                loadError = session.language == .en ? "Dossier \(code) not found" : "Không tìm thấy hồ sơ \(code)"
            }
        } catch {
            loadError = session.message(for: error)
        }
    }

    public func refresh(host: ScreenHost) { reload() }

    public func perform(_ action: Action, host: ScreenHost) -> Bool {
        let page = max(1, visibleRows - 1)
        switch action {
        case .cursorUp: scroll(by: -1)
        case .cursorDown: scroll(by: 1)
        case .pageUp: scroll(by: -page)
        case .pageDown: scroll(by: page)
        case .cursorFirst: offset = 0
        case .cursorLast: offset = max(0, lineCount - visibleRows)
        default:
            return DossierActions.perform(action, code: dossier?.code, from: self, host: host, session: session) { [weak self] in
                self?.reload()
            }
        }
        return true
    }

    private func scroll(by delta: Int) {
        let (v, o) = offset.addingReportingOverflow(delta)
        offset = o ? (delta < 0 ? 0 : Int.max) : v
        offset = min(max(0, offset), max(0, lineCount - visibleRows))
    }

    // MARK: - Content

    /// One drawn line: pieces of text at columns.
    struct Line {
        var pieces: [(col: Int, text: String, style: CellStyle)] = []
    }

    /// "còn 3 ngày làm việc", "hẹn trả hôm nay", "QUÁ HẠN 2 ngày làm việc", or how it closed.
    public static func dueText(_ d: Dossier, today: LocalDate, calendar: WorkingCalendar, language: Language) -> (text: String, overdue: Bool) {
        let en = language == .en
        func days(_ n: Int) -> String { en ? "\(n) working day" + (n == 1 ? "" : "s") : "\(n) ngày làm việc" }
        if d.status == .ready {
            // Resolved: on time or late by when the result came back, whenever it is collected.
            let day = d.readyAt.map { VietnamTime.local($0).date } ?? today
            guard day > d.dueDate else { return (en ? "result ready on time" : "có kết quả đúng hạn", false) }
            let late = calendar.workingDaysBetween(d.dueDate, day)
            return (en ? "result ready \(late > 0 ? days(late) + " " : "")late" : "có kết quả trễ\(late > 0 ? " " + days(late) : "")", false)
        }
        if d.status == .rejected || d.status == .withdrawn {
            // Not resolved, so neither on time nor late: say how it ended.
            return (d.status.label.text(language), false)
        }
        if d.status.isFinal {
            guard let closed = d.closedAt else { return (en ? "closed" : "đã kết thúc", false) }
            let day = VietnamTime.local(closed).date
            if day > d.dueDate {
                let late = calendar.workingDaysBetween(d.dueDate, day)
                return (en ? "closed \(late > 0 ? days(late) + " " : "")late" : "kết thúc trễ\(late > 0 ? " " + days(late) : "")", false)
            }
            return (en ? "closed on time" : "kết thúc đúng hạn", false)
        }
        // Days left / late by the model's one rule (`Dossier.timeliness`).
        switch d.timeliness(today: today, calendar: calendar) {
        case .late(let late): return ((en ? "OVERDUE" : "QUÁ HẠN") + (late > 0 ? " " + days(late) : ""), true)
        case .dueToday: return (en ? "due today" : "hẹn trả hôm nay", false)
        case .dueIn(let left): return (en ? "\(days(left)) left" : "còn \(days(left))", false)
        case .closed: return (en ? "closed" : "đã kết thúc", false)
        }
    }

    /// "Trong ngày" / "3 ngày làm việc" / "30 ngày" for a snapshot's time limit, in the
    /// catalog's one wording (`Procedure.processingText`).
    static func processingText(days: Int, unit: ProcessingUnit) -> Localized {
        Procedure(code: "", name: "", field: "", processingDays: days, processingUnit: unit, cutoffMinuteOfDay: nil, fee: 0,
                  feeNote: "", deliveries: [], effectiveFrom: nil, effectiveTo: nil, legalBasis: "").processingText
    }

    /// How an audit action is named on screen (one wording, shared with the CLI).
    static func actionLabel(_ action: String, _ language: Language) -> String {
        AuditActionLabel.label(action).text(language)
    }

    /// The post's part, on the tracking number's line: the number, the postage, and how it went
    /// (delivered, or brought back); nil when it never went by post.
    static func postText(_ d: Dossier, language: Language) -> String? {
        guard let tracking = d.trackingNumber else { return nil }
        let en = language == .en
        var parts = [tracking]
        if let p = d.postage { parts.append((en ? "postage " : "cước ") + VND.text(p)) }
        if let at = d.postReturnedAt, d.status == .ready {
            parts.append((en ? "returned by the post " : "bưu điện trả lại ") + ScreenDraw.shortDate(VietnamTime.local(at).date))
        } else if let at = d.postDeliveredAt {
            parts.append((en ? "delivered " : "đã phát ") + ScreenDraw.shortDate(VietnamTime.local(at).date))
        }
        return parts.joined(separator: " · ")
    }

    func lines(cols: Int, language lang: Language) -> [Line] {
        guard let d = dossier else { return [] }
        let en = lang == .en
        let labelW = 15
        let half = cols / 2
        let bold = CellStyle(.bold)
        let dash = "—"
        var out: [Line] = []
        func full(_ label: String, _ value: String, _ style: CellStyle = .plain) {
            let text = CellWidth.truncate(value, toCells: cols - labelW - 3)
            out.append(Line(pieces: [(1, CellWidth.fit(label, toCells: labelW), bold), (labelW + 2, text, style)]))
        }
        func pair(_ l1: String, _ v1: String, _ l2: String, _ v2: String, _ s2: CellStyle = .plain) {
            let w1 = half - labelW - 3, w2 = cols - half - labelW - 2
            out.append(Line(pieces: [(1, CellWidth.fit(l1, toCells: labelW), bold),
                                     (labelW + 2, CellWidth.truncate(v1, toCells: w1), .plain),
                                     (half, CellWidth.fit(l2, toCells: labelW), bold),
                                     (half + labelW + 1, CellWidth.truncate(v2, toCells: w2), s2)]))
        }
        let local = VietnamTime.local(d.receivedAt)
        let due = Self.dueText(d, today: session.today, calendar: session.calendar, language: lang)
        // The procedure as it was on the day of receipt (the dossier's snapshot), else the catalog's.
        let snapshot = d.procedureSnapshot
        let name = snapshot?.name ?? procedure?.name ?? (en ? "(not in the catalog)" : "(không có trong danh mục)")
        let limit = snapshot.map { Self.processingText(days: $0.processingDays, unit: $0.processingUnit).text(lang) }
            ?? procedure?.processingText.text(lang) ?? dash

        pair(en ? "Dossier code" : "Mã hồ sơ", d.code, en ? "Status" : "Trạng thái", d.status.label.text(lang), bold)
        full(en ? "Procedure" : "Thủ tục", "\(d.procedureCode) — \(name)")
        pair(en ? "Field" : "Lĩnh vực", snapshot?.field ?? procedure?.field ?? dash, en ? "Time limit" : "Thời hạn", limit)
        // The fee recorded at receipt, on one line (the amount comes first; the history keeps
        // its place on an 80×24 page).
        let collected = d.feeCollected.map { (en ? "collected " : "đã thu ") + VND.text($0) + " · " } ?? ""
        full(FeeText.label(lang), collected + (snapshot.map { FeeText.text(fee: $0.fee, note: $0.feeNote, language: lang) } ?? dash))
        full(en ? "Applicant" : "Người nộp", d.applicantName, bold)
        pair(en ? "Citizen ID" : "CCCD", applicant?.idNumber ?? dash, en ? "Phone" : "Điện thoại", applicant?.phone ?? dash)
        full(en ? "Address" : "Địa chỉ", applicant?.address ?? dash)
        pair(en ? "Submitted" : "Hình thức nộp", d.channel.label.text(lang), en ? "Result" : "Nhận kết quả", d.delivery.label.text(lang))
        if d.delivery != .desk || d.deliveryAddress != nil {
            full(en ? "Deliver to" : "Địa chỉ nhận KQ", d.deliveryAddress ?? dash)
        }
        // A due date resting on an unannounced Tết carries the mark, and its note below.
        let annotated = d.status.isOpen ? try? session.due(of: d) : nil
        pair(en ? "Received" : "Ngày nhận", "\(local.hhmm) \(local.date.vietnamese)",
             en ? "Due" : "Hẹn trả", annotated?.vietnameseWithMark ?? d.dueDate.vietnamese)
        if let note = annotated?.note { full(DueDate.mark, note.text(lang), .plain) }
        full(en ? "Time left" : "Thời hạn còn", due.text, due.overdue ? CellStyle(.bold, role: .warning) : .plain)
        let clerk = [d.clerk, d.counter.map { en ? "counter \($0)" : "quầy \($0)" }].compactMap { $0 }.joined(separator: " · ")
        pair(en ? "Ticket" : "Số thứ tự", d.ticketCode ?? dash, en ? "Clerk" : "Cán bộ", clerk.isEmpty ? dash : clerk)
        let post = Self.postText(d, language: lang) ?? dash
        if let closed = d.closedAt {
            let c = VietnamTime.local(closed)
            pair(en ? "Tracking no." : "Mã vận đơn", post, en ? "Closed" : "Kết thúc", "\(c.hhmm) \(c.date.vietnamese)")
        } else {
            full(en ? "Tracking no." : "Mã vận đơn", post)
        }
        full(en ? "Notes" : "Ghi chú", d.notes ?? dash)

        out.append(Line())
        out.append(Line(pieces: [(1, en ? "History (\(events.count))" : "Lịch sử xử lý (\(events.count))", CellStyle(.bold))]))
        // Time 14, user 10, counter 4, action 16, data the rest (wrapped onto more lines).
        let widths = [14, 10, 4, 16]
        let head = en ? ["Time", "User", "Ctr", "Action", "Details"] : ["Thời gian", "Cán bộ", "Quầy", "Thao tác", "Nội dung"]
        var headLine = Line()
        var col = 1
        for (i, text) in head.enumerated() {
            let w = i < widths.count ? widths[i] : max(1, cols - col - 1)
            headLine.pieces.append((col, CellWidth.fit(text, toCells: w), CellStyle(.underline)))
            col += w + 1
        }
        out.append(headLine)
        if events.isEmpty {
            out.append(Line(pieces: [(1, en ? "  (no events)" : "  (chưa có)", CellStyle(.dim, role: .muted))]))
        }
        for e in events {
            let t = VietnamTime.local(e.at)
            let cells = ["\(ScreenDraw.shortDate(t.date)) \(t.hhmm)", e.actor.user, e.actor.counter.map(String.init) ?? "",
                         Self.actionLabel(e.action, lang)]
            var line = Line()
            var c = 1
            for (text, w) in zip(cells, widths) {
                line.pieces.append((c, CellWidth.fit(text, toCells: w), .plain))
                c += w + 1
            }
            let data = WidgetText.wrap(AuditActionLabel.historyDetails(e).text(lang), toCells: max(1, cols - c - 1))
            if let firstLine = data.first { line.pieces.append((c, firstLine, .plain)) }
            out.append(line)
            for more in data.dropFirst() { out.append(Line(pieces: [(c, more, .plain)])) }
        }
        return out
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        let lang = host.language
        let en = lang == .en
        guard bottom > top else { return }
        let title = (en ? "Dossier " : "Hồ sơ ") + (dossier?.code ?? code)
        g.put(row: top, col: 1, text: CellWidth.truncate(title, toCells: g.cols - 2), style: CellStyle(.bold))
        let content = loadError == nil ? lines(cols: g.cols, language: lang) : []
        lineCount = content.count
        let first = top + 1
        visibleRows = max(1, bottom - first)
        offset = min(max(0, offset), max(0, content.count - visibleRows))
        var hint = host.hint([(.viewBack, "quay lại", "back")], in: keyContext)
        if content.count > visibleRows {
            hint = "\(host.symbols.up)\(host.symbols.down) \(offset + 1)–\(min(content.count, offset + visibleRows))/\(content.count) · " + hint
        }
        g.put(row: top, col: g.cols - 1 - CellWidth.of(hint), text: hint, style: CellStyle(.dim, role: .muted))
        if let loadError {
            if top + 2 < bottom {
                g.put(row: top + 2, col: 1, text: CellWidth.truncate(loadError, toCells: g.cols - 2), style: CellStyle(.bold, role: .warning))
            }
            return
        }
        var row = first
        for line in content.dropFirst(offset) {
            guard row < bottom else { break }
            for p in line.pieces { g.put(row: row, col: p.col, text: p.text, style: p.style) }
            row += 1
        }
    }
}
