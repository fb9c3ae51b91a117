import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dossier", abstract: "Hồ sơ thủ tục hành chính (dossiers).",
                                                    subcommands: [Receive.self, List.self, Show.self, Lookup.self, Uncollected.self, Process.self, Send.self, Ready.self,
                                                                  Return.self, Post.self, PostDelivered.self, PostReturned.self, DeliverHome.self,
                                                                  Supplement.self, Resume.self, Apologize.self, Reject.self, Withdraw.self, Print.self, Register.self],
                                                    defaultSubcommand: List.self)

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tiếp nhận hồ sơ, tính ngày hẹn trả (receive a dossier).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Mã thủ tục (procedure code)") var procedure: String
        @Option(help: "Họ tên người nộp (applicant's full name)") var name: String
        @Option(name: .customLong("id-number"), help: "Số CCCD/CMND") var idNumber: String?
        @Option(help: "Số điện thoại (phone)") var phone: String?
        @Option(help: "Địa chỉ (address)") var address: String?
        @Option(help: "Số thứ tự đang phục vụ tại quầy (ticket called to this counter)") var ticket: String?
        @Option(help: "Hình thức nộp (channel): direct | post | online") var channel: String = "direct"
        @Option(help: "Nhận kết quả (delivery): desk | post | home") var delivery: String?
        @Option(name: .customLong("delivery-address"), help: "Địa chỉ nhận kết quả") var deliveryAddress: String?
        @Option(help: "Ghi chú (notes)") var notes: String?
        @Option(help: "Quầy (counter)") var counter: Int?
        @Flag(name: .customLong("use-record-on-file"), help: "CCCD đã có dưới tên khác: dùng người đã có (use the record on file)")
        var useRecordOnFile = false
        @Flag(name: .customLong("correct-record"), help: "CCCD đã có dưới tên khác: sửa tên trong hồ sơ, tên cũ giữ trong nhật ký")
        var correctRecord = false
        @Flag(name: .customLong("allow-duplicate"), help: "Vẫn nhận khi người này đã nộp cùng thủ tục hôm nay (allow a second one today)")
        var allowDuplicate = false
        @Option(name: .customLong("document"),
                help: "Giấy tờ nhận: 'tên:bản chính:bản sao' hoặc chỉ tên (1 bản sao); nhắc lại cho mỗi giấy; không ghi = giấy tờ của thủ tục trong danh mục (a paper received; repeat; default: the catalog's list)")
        var documents: [String] = []

        func run() throws {
            try runReporting(global) { lang in
                if useRecordOnFile && correctRecord {
                    throw FieldError(field: "identity", label: Localized(vi: "CCCD trùng", en: "ID on file"),
                                     problem: Localized(vi: "chọn một: --use-record-on-file hoặc --correct-record",
                                                        en: "choose one: --use-record-on-file or --correct-record"))
                }
                var request = ReceiveRequest(procedureCode: procedure, name: name, idNumber: idNumber, phone: phone, address: address,
                                             ticketCode: ticket, channel: channel, delivery: delivery, deliveryAddress: deliveryAddress,
                                             notes: notes,
                                             identity: useRecordOnFile ? .useRecordOnFile : correctRecord ? .correctRecord : nil,
                                             allowDuplicate: allowDuplicate,
                                             documents: try documents.map { try ReceivedDocument.parse($0).validated() })
                let (calendar, _) = try global.workingCalendar()
                let db = try global.openDatabase { profile, lookup, day in
                    let valid = try request.validated(on: day, procedure: lookup)
                    if let counter { _ = try profile.validateCounter(counter) }
                    // A file not created yet holds no ticket: refuse before creating it.
                    if let code = valid.ticketCode {
                        throw FieldError(field: "ticket", label: Localized(vi: "Số thứ tự", en: "Ticket"),
                                         problem: Localized(vi: "không có phiếu \(code) hôm nay", en: "no ticket \(code) today"))
                    }
                }
                let now = try global.clock().now()
                // As at the desk: the walk-in's CCCD and phone from the ticket, unless given here.
                if let code = TextInput.nonBlank(request.ticketCode),
                   let t = try db.ticket(code: code, day: VietnamTime.local(now).date) {
                    request = request.filledIn(from: t)
                }
                let d = try db.receiveDossier(request, now: now, actor: try global.actor(counter: counter), calendar: calendar)
                Output.warn(CitizenID.warning(for: idNumber), lang)
                let due = DueDateRule.due(of: d, procedure: try db.procedure(of: d), calendar: calendar, profile: try db.profile())
                if global.json { Output.print(Output.json(DossierJSON(d, today: VietnamTime.local(now).date, due: due))); return }
                Output.print(lang == .vi
                    ? "Đã tiếp nhận hồ sơ \(d.code) — \(d.applicantName) — \(d.procedureCode). Ngày hẹn trả: \(due.vietnameseWithMark)."
                    : "Received dossier \(d.code) — \(d.applicantName) — \(d.procedureCode). Due: \(d.dueDate.iso)\(due.isProvisional ? DueDate.mark : "").")
                if let note = due.note { Output.print(DueDate.mark + " " + note.text(lang)) }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách hồ sơ (list dossiers).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Trạng thái (status): received, processing, needs-supplement, ready, returned, posted, delivered-home, rejected, withdrawn")
        var status: String?
        @Flag(help: "Chỉ hồ sơ quá hạn (overdue only)") var overdue = false
        @Option(name: .customLong("due-before"), help: "Hẹn trả trước ngày (due before), YYYY-MM-DD") var dueBefore: String?
        @Option(help: "Tìm theo mã hoặc tên (search by code or name)") var search: String?

        func run() throws {
            try runReporting(global) { lang in
                let today = VietnamTime.local(try global.clock().now()).date
                var filter = overdue ? DossierQuery.overdue(on: today) : DossierQuery()
                filter.search = search
                if let status {
                    let s = try DossierStatus.parse(status)
                    filter.statuses = filter.statuses.map { $0.intersection([s]) } ?? [s]
                }
                if let dueBefore {
                    filter.dueBefore = try LocalDate.option(dueBefore, named: "--due-before", field: "due_before")
                }
                // A read writes nothing to the file (issue 11).
                let store = try global.openExistingDatabase(readOnly: true)
                let list = try store.dossiers(matching: filter)
                let (calendar, _) = try global.workingCalendar()
                // Each open row's due date with its provisional mark, as at the desk and in `show`.
                let profile = try store.profile()
                var procedures: [String: Procedure] = [:]
                let dues: [DueDate?] = try list.map { d in
                    guard d.status.isOpen else { return nil }
                    let key = d.procedureCode + "@" + VietnamTime.local(d.receivedAt).date.iso
                    if procedures[key] == nil { procedures[key] = try store.procedure(of: d) }
                    return DueDateRule.due(of: d, procedure: procedures[key], calendar: calendar, profile: profile)
                }
                if global.json { Output.print(Output.json(zip(list, dues).map { DossierJSON($0, today: today, due: $1) })); return }
                if list.isEmpty { Output.print(lang == .vi ? "Không có hồ sơ nào." : "No dossiers."); return }
                let header = lang == .vi ? ["Mã hồ sơ", "Người nộp", "Thủ tục", "Tiếp nhận", "Hẹn trả", "Trạng thái", "Thời hạn"]
                                         : ["Code", "Applicant", "Procedure", "Received", "Due", "Status", "Time"]
                Output.print(Output.table(header, zip(list, dues).map { d, due in
                    [d.code, d.applicantName, d.procedureCode, d.receivedAt.vnDateTime, due?.vietnameseWithMark ?? d.dueDate.vietnamese,
                     d.status.label.text(lang), d.timeliness(today: today, calendar: calendar).label.text(lang)]
                }))
                if let note = dues.compactMap({ $0?.note }).first { Output.print(DueDate.mark + " " + note.text(lang)) }
            }
        }
    }

    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tra cứu cho công dân hỏi lại: tình trạng hồ sơ bằng lời dễ hiểu (look up a dossier for a citizen who asks).",
            discussion: "Bằng mã hồ sơ (--code), hoặc họ tên cùng số CCCD (--name và --id-number, cả hai phải khớp).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Mã hồ sơ trên giấy hẹn (dossier code)") var code: String?
        @Option(help: "Họ tên người nộp (applicant's name), with --id-number") var name: String?
        @Option(name: .customLong("id-number"), help: "Số CCCD của người nộp, with --name") var idNumber: String?

        func run() throws {
            try runReporting(global) { lang in
                let found: [Dossier]
                let db = try global.openExistingDatabase(readOnly: true)
                if let code = TextInput.nonBlank(code) {
                    guard let d = try db.dossier(code: code) else {
                        throw FieldError(field: "code", label: Localized(vi: "--code", en: "--code"),
                                         problem: Localized(vi: "không có hồ sơ '\(code)'; xem lại mã trên giấy hẹn",
                                                            en: "no dossier '\(code)'; check the code on the receipt"))
                    }
                    found = [d]
                } else if let name = TextInput.nonBlank(name), let id = TextInput.nonBlank(idNumber) {
                    found = try db.lookupDossiers(name: name, idNumber: id, limit: 20)
                } else {
                    throw FieldError(field: name == nil ? "name" : "id_number", label: Localized(vi: "Tra cứu", en: "Look-up"),
                                     problem: Localized(vi: "cần --code, hoặc cả --name và --id-number",
                                                        en: "give --code, or both --name and --id-number"))
                }
                let now = try global.clock().now()
                let today = VietnamTime.local(now).date
                let (calendar, _) = try global.workingCalendar()
                let answers = try found.map { d in
                    (d, DossierLookup.plainWords(d, procedureName: try db.procedure(of: d)?.name, today: today, calendar: calendar))
                }
                if global.json {
                    // The due date as `dossier show` gives it (provisional or not), so the same
                    // dossier reads the same through either command.
                    let profile = try db.profile()
                    struct Answer: Encodable { let dossier: DossierJSON; let said: [String] }
                    Output.print(Output.json(try answers.map { d, said in
                        let due = d.status.isOpen ? DueDateRule.due(of: d, procedure: try db.procedure(of: d), calendar: calendar, profile: profile) : nil
                        return Answer(dossier: DossierJSON(d, today: today, due: due), said: said.map { $0.text(lang) })
                    }))
                    return
                }
                if answers.isEmpty {
                    Output.print(lang == .vi ? "Không tìm thấy hồ sơ nào với họ tên và số CCCD này."
                                             : "No dossier with this name and ID number.")
                    return
                }
                Output.print(answers.map { $0.1.map { Output.safe($0.text(lang)) }.joined(separator: "\n") }.joined(separator: "\n\n"))
            }
        }
    }

    struct Uncollected: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kết quả chưa có người nhận, cần gọi điện cho công dân (results waiting: phone the citizen).",
            discussion: "Hồ sơ có kết quả quá N ngày làm việc (mặc định: motcua setup --uncollected-days, 5 khi chưa đặt), và hồ sơ bưu điện trả lại.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Số ngày làm việc đã có kết quả (working days ready, more than; default: the desk's setting)") var days: Int?

        func run() throws {
            try runReporting(global) { lang in
                if let days, !(0...365).contains(days) {
                    throw FieldError(field: "days", label: Localized(vi: "--days", en: "--days"),
                                     problem: Localized(vi: "\(days) không hợp lệ; từ 0 đến 365", en: "\(days) is not valid; 0 to 365"))
                }
                let db = try global.openExistingDatabase()
                let days = try days ?? db.profile().uncollectedAfterDays
                let today = VietnamTime.local(try global.clock().now()).date
                let (calendar, _) = try global.workingCalendar()
                let list = try db.uncollectedDossiers(today: today, days: days, calendar: calendar)
                if global.json {
                    struct Row: Encodable {
                        let code: String, applicant: String, phone: String?, readySince: String, returnedByPost: Bool, workingDays: Int
                    }
                    Output.print(Output.json(list.map {
                        Row(code: $0.dossier.code, applicant: $0.dossier.applicantName, phone: $0.phone,
                            readySince: VietnamTime.iso8601($0.since), returnedByPost: $0.returnedByPost,
                            workingDays: calendar.workingDaysBetween(VietnamTime.local($0.since).date, today))
                    }))
                    return
                }
                let vi = lang == .vi
                if list.isEmpty { Output.print(vi ? "Không có kết quả nào chờ quá \(days) ngày làm việc." : "No result waiting more than \(days) working days."); return }
                let header = vi ? ["Mã hồ sơ", "Người nộp", "Điện thoại", "Có kết quả từ", "Ghi chú"]
                                : ["Code", "Applicant", "Phone", "Ready since", "Note"]
                Output.print(Output.table(header, list.map { u in
                    let n = calendar.workingDaysBetween(VietnamTime.local(u.since).date, today)
                    let note = u.returnedByPost ? (vi ? "bưu điện trả lại" : "returned by the post")
                                                : (vi ? "\(n) ngày làm việc" : "\(n) working days")
                    return [u.dossier.code, u.dossier.applicantName, u.phone ?? (vi ? "(không có)" : "(none)"), u.since.vnDateTime, note]
                }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xem một hồ sơ và lịch sử (show a dossier and its history).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Mã hồ sơ (dossier code)") var code: String

        func run() throws {
            try runReporting(global) { lang in
                let db = try global.openExistingDatabase()
                let today = VietnamTime.local(try global.clock().now()).date
                guard let d = try db.dossier(code: code) else {
                    throw FieldError(field: "code", label: Localized(vi: "Mã hồ sơ", en: "Dossier code"),
                                     problem: Localized(vi: "không có hồ sơ '\(code)'", en: "no dossier '\(code)'"))
                }
                let events = try db.events(entity: "dossier", key: d.code)
                let p = try db.procedure(of: d)
                let (calendar, _) = try global.workingCalendar()
                let due = d.status.isOpen ? DueDateRule.due(of: d, procedure: p, calendar: calendar, profile: try db.profile()) : nil
                if global.json {
                    struct Full: Encodable { let dossier: DossierJSON; let events: [EventJSON] }
                    Output.print(Output.json(Full(dossier: DossierJSON(d, today: today, due: due), events: events.map(EventJSON.init))))
                    return
                }
                let vi = lang == .vi
                var lines: [[String]] = [
                    [vi ? "Mã hồ sơ" : "Code", d.code],
                    [vi ? "Thủ tục" : "Procedure", "\(d.procedureCode) — \(p?.name ?? "")"],
                    [vi ? "Người nộp" : "Applicant", d.applicantName],
                    [vi ? "Hình thức nộp" : "Channel", d.channel.label.text(lang)],
                    [vi ? "Tiếp nhận lúc" : "Received", d.receivedAt.vnDateTime],
                    [vi ? "Ngày hẹn trả" : "Due", (due?.vietnameseWithMark ?? d.dueDate.vietnamese)
                        + (d.isOverdue(today: today) ? (vi ? " (QUÁ HẠN)" : " (OVERDUE)") : "")
                        + (due?.note.map { " — " + $0.text(lang) } ?? "")],
                    [vi ? "Trạng thái" : "Status", d.status.label.text(lang)],
                    [vi ? "Nhận kết quả" : "Delivery", d.delivery.label.text(lang) + (d.deliveryAddress.map { " — \($0)" } ?? "")],
                ]
                if let n = d.notes { lines.append([vi ? "Ghi chú" : "Notes", n]) }
                if !d.documents.isEmpty {
                    lines.append([vi ? "Thành phần hồ sơ" : "Documents", d.documents.map { doc in
                        vi ? "\(doc.name) (\(doc.originals) bản chính, \(doc.copies) bản sao)"
                           : "\(doc.name) (\(doc.originals) original, \(doc.copies) copies)"
                    }.joined(separator: "; ")])
                }
                if let fee = d.procedureSnapshot?.fee { lines.append([vi ? "Phí, lệ phí" : "Fee", VND.text(fee)]) }
                if let to = d.sentTo {
                    lines.append([vi ? "Chuyển xử lý" : "Sent to", to + (d.sentAt.map { " — \($0.vnDateTime)" } ?? "")])
                }
                if let first = d.originalDueDate {
                    lines.append([vi ? "Hẹn trả lần đầu" : "First due date", first.vietnamese + (vi ? " (tính trễ hạn theo ngày này)" : " (lateness counts from it)")])
                }
                if let r = d.apologyReason { lines.append([vi ? "Lý do hẹn lại" : "Apology", r]) }
                if let t = d.trackingNumber { lines.append([vi ? "Mã vận đơn" : "Tracking", t]) }
                if let p = d.postage { lines.append([vi ? "Cước bưu chính" : "Postage", VND.text(p)]) }
                if let t = d.postDeliveredAt { lines.append([vi ? "Bưu điện đã phát" : "Delivered by post", t.vnDateTime]) }
                if let t = d.postReturnedAt { lines.append([vi ? "Bưu điện trả lại" : "Returned by the post", t.vnDateTime]) }
                if let f = d.feeCollected { lines.append([vi ? "Phí đã thu" : "Fee collected", VND.text(f)]) }
                if let r = d.resultReceiver {
                    lines.append([vi ? "Người nhận kết quả" : "Received by", r + (d.resultReceiverId.map { " (CCCD \($0))" } ?? "")])
                }
                if !d.missingItems.isEmpty { lines.append([vi ? "Cần bổ sung" : "Missing", d.missingItems.joined(separator: "; ")]) }
                if let r = d.reason { lines.append([vi ? "Lý do" : "Reason", r]) }
                Output.print(Output.table(["", ""], lines).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"))
                Output.print("")
                Output.print(vi ? "Lịch sử:" : "History:")
                for e in events {
                    let counter = e.actor.counter.map { vi ? " (quầy \($0))" : " (counter \($0))" } ?? ""
                    let details = AuditActionLabel.historyDetails(e).text(lang)
                    Output.print(Output.safe("  \(e.at.vnDateTime)  \(e.actor.user)\(counter)  \(AuditActionLabel.label(e.action).text(lang))"
                                             + (details.isEmpty ? "" : " — \(details)")))
                }
            }
        }
    }

    // One subcommand per step, each with what the step records; the rules are DossierRules'.
    struct Process: DossierStepCommand {
        static let configuration = CommandConfiguration(abstract: "Chuyển hồ sơ đi giải quyết (send for processing).")
        static let kind = DossierActionKind.process
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        func request() -> DossierActionRequest { DossierActionRequest(code: step.code, kind: Self.kind) }
    }

    struct Send: DossierStepCommand {
        static let configuration = CommandConfiguration(abstract: "Chuyển hồ sơ đến phòng, cán bộ giải quyết (send for processing to a department).")
        static let kind = DossierActionKind.send
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        @Option(name: .customLong("to"), help: "Phòng, bộ phận hoặc cán bộ giải quyết (department or officer)") var to: String
        func request() -> DossierActionRequest { DossierActionRequest(code: step.code, kind: Self.kind, sentTo: to) }
    }

    struct PostDelivered: DossierStepCommand {
        static let configuration = CommandConfiguration(commandName: "post-delivered", abstract: "Bưu điện đã phát kết quả cho công dân (delivered by post).")
        static let kind = DossierActionKind.postDelivered
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        @Option(name: .customLong("fee-collected"), help: "Phí, lệ phí bưu điện đã thu hộ (VND); mặc định: phí của thủ tục khi tiếp nhận") var feeCollected: Int?
        func request() -> DossierActionRequest { DossierActionRequest(code: step.code, kind: Self.kind, feeCollected: feeCollected) }
    }

    struct PostReturned: DossierStepCommand {
        static let configuration = CommandConfiguration(commandName: "post-returned",
                                                        abstract: "Bưu điện trả lại kết quả: có kết quả tại quầy, cần gọi công dân (returned by the post).")
        static let kind = DossierActionKind.postReturned
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        func request() -> DossierActionRequest { DossierActionRequest(code: step.code, kind: Self.kind) }
    }

    struct Apologize: DossierStepCommand {
        static let configuration = CommandConfiguration(abstract: "Xin lỗi và hẹn lại ngày trả (mẫu 04); hồ sơ vẫn tính trễ hạn (apology and new due date).")
        static let kind = DossierActionKind.apologize
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        @Option(name: .customLong("new-due"), help: "Ngày hẹn trả mới, ngày làm việc sau ngày hẹn cũ: 2026-12-07 hoặc 07/12/2026") var newDue: String
        @Option(help: "Lý do chậm trả (reason for the delay)") var reason: String?
        func request() throws -> DossierActionRequest {
            let today = VietnamTime.local(try global.clock().now()).date
            guard let date = DateInput.parse(newDue, today: today) else {
                throw FieldError(field: "new_due", label: Localized(vi: "--new-due", en: "--new-due"),
                                 problem: Localized(vi: "'\(newDue)' không phải ngày hợp lệ; dạng đúng 2026-12-07 hoặc 07/12/2026",
                                                    en: "'\(newDue)' is not a valid date; expected 2026-12-07 or 07/12/2026"))
            }
            return DossierActionRequest(code: step.code, kind: Self.kind, reason: reason, newDueDate: date)
        }
    }

    struct Ready: DossierStepCommand {
        static let configuration = CommandConfiguration(abstract: "Đã có kết quả tại bộ phận (result ready).")
        static let kind = DossierActionKind.ready
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        func request() -> DossierActionRequest { DossierActionRequest(code: step.code, kind: Self.kind) }
    }

    struct Return: DossierStepCommand {
        static let configuration = CommandConfiguration(abstract: "Trả kết quả tại quầy (return the result at the desk).")
        static let kind = DossierActionKind.return
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        @Option(name: .customLong("received-by"), help: "Người nhận kết quả (who took it)") var receivedBy: String
        @Option(name: .customLong("receiver-id-number"), help: "CCCD người nhận, bắt buộc khi không phải người nộp") var receiverIdNumber: String?
        @Option(name: .customLong("fee-collected"), help: "Phí, lệ phí đã thu (VND); mặc định: phí của thủ tục khi tiếp nhận") var feeCollected: Int?
        func request() -> DossierActionRequest {
            DossierActionRequest(code: step.code, kind: Self.kind, receiverName: receivedBy, receiverIdNumber: receiverIdNumber,
                                 feeCollected: feeCollected)
        }
    }

    struct Post: DossierStepCommand {
        static let configuration = CommandConfiguration(abstract: "Gửi kết quả qua bưu chính công ích (send the result by post).")
        static let kind = DossierActionKind.post
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        @Option(name: .customLong("tracking-number"), help: "Mã vận đơn, ví dụ EC136431858VN") var trackingNumber: String
        @Option(help: "Địa chỉ gửi (default: the dossier's delivery address)") var address: String?
        @Option(help: "Cước bưu chính (postage, VND)") var postage: Int?
        @Flag(name: .customLong("accept-check-digit"), help: "Giữ mã vận đơn dù số kiểm tra sai (đúng như ghi trên vận đơn)")
        var acceptCheckDigit = false
        func request() -> DossierActionRequest {
            var r = DossierActionRequest(code: step.code, kind: Self.kind, address: address, trackingNumber: trackingNumber, postage: postage)
            r.acceptsCheckDigitWarning = acceptCheckDigit
            return r
        }
    }

    struct DeliverHome: DossierStepCommand {
        static let configuration = CommandConfiguration(commandName: "deliver-home", abstract: "Đã trả kết quả tại nhà (delivered at home).")
        static let kind = DossierActionKind.deliverHome
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        @Option(name: .customLong("received-by"), help: "Người nhận kết quả (who took it)") var receivedBy: String
        @Option(name: .customLong("fee-collected"), help: "Phí, lệ phí đã thu (VND); mặc định: phí của thủ tục khi tiếp nhận") var feeCollected: Int?
        func request() -> DossierActionRequest {
            DossierActionRequest(code: step.code, kind: Self.kind, receiverName: receivedBy, feeCollected: feeCollected)
        }
    }

    struct Supplement: DossierStepCommand {
        static let configuration = CommandConfiguration(abstract: "Yêu cầu bổ sung hồ sơ (request a supplement).")
        static let kind = DossierActionKind.supplement
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        @Option(name: .customLong("missing"), help: "Giấy tờ còn thiếu; nhắc lại cho mỗi giấy (repeat for each document)") var missing: [String] = []
        func request() -> DossierActionRequest { DossierActionRequest(code: step.code, kind: Self.kind, missing: missing) }
    }

    struct Resume: DossierStepCommand {
        static let configuration = CommandConfiguration(abstract: "Đã bổ sung đủ, tiếp tục giải quyết (supplemented: resume).")
        static let kind = DossierActionKind.resume
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        func request() -> DossierActionRequest { DossierActionRequest(code: step.code, kind: Self.kind) }
    }

    struct Reject: DossierStepCommand {
        static let configuration = CommandConfiguration(abstract: "Từ chối hồ sơ, không hoàn tác được (reject; cannot be undone).")
        static let kind = DossierActionKind.reject
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        @Option(help: "Lý do (reason)") var reason: String?
        func request() -> DossierActionRequest { DossierActionRequest(code: step.code, kind: Self.kind, reason: reason) }
    }

    struct Withdraw: DossierStepCommand {
        static let configuration = CommandConfiguration(abstract: "Người nộp rút hồ sơ, không hoàn tác được (withdraw; cannot be undone).")
        static let kind = DossierActionKind.withdraw
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: DossierStepArguments
        @Option(help: "Lý do (reason)") var reason: String?
        func request() -> DossierActionRequest { DossierActionRequest(code: step.code, kind: Self.kind, reason: reason) }
    }
}

struct DossierStepArguments: ParsableArguments {
    @Argument(help: "Mã hồ sơ (dossier code)") var code: String
    @Option(help: "Quầy (counter)") var counter: Int?
}

/// A subcommand that takes one step of a dossier; `run` is shared, so every step prints,
/// warns and fails the same way.
protocol DossierStepCommand: ParsableCommand {
    static var kind: DossierActionKind { get }
    var global: GlobalOptions { get }
    var step: DossierStepArguments { get }
    func request() throws -> DossierActionRequest
}

extension DossierStepCommand {
    func run() throws {
        try runReporting(global) { lang in
            let db = try global.openExistingDatabase()
            let now = try global.clock().now()
            let (calendar, _) = try global.workingCalendar()
            let result: DossierActionResult
            do {
                result = try db.actOnDossier(try request(), now: now, actor: try global.actor(counter: step.counter), calendar: calendar)
            } catch let e as FieldError {
                // Named by the option that gives it.
                let option = ["new_due": "--new-due", "sent_to": "--to", "postage": "--postage", "fee_collected": "--fee-collected"][e.field]
                guard let option, !e.label.vi.contains(option) else { throw e }
                throw FieldError(field: e.field, label: Localized(vi: "\(e.label.vi) (\(option))", en: "\(e.label.en) (\(option))"), problem: e.problem)
            }
            for w in result.warnings { Output.warn(w, lang) }
            for n in result.notes { Output.note(n, lang) }
            let d = result.dossier
            if global.json { Output.print(Output.json(DossierJSON(d, today: VietnamTime.local(now).date))); return }
            Output.print("\(d.code): \(d.status.label.text(lang))")
        }
    }
}
