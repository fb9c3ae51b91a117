import Foundation
import Testing
@testable import MotCuaCore

/// The slips of Thông tư 03/2025/TT-VPCP Phụ lục I as text: every field there, every line within
/// 80 cells, an ASCII variant with nothing but ASCII.
@Suite struct SlipTests {
    let day = LocalDate(year: 2026, month: 11, day: 25)!
    func at(_ d: LocalDate, _ h: Int, _ m: Int) -> Date { VietnamTime.instant(LocalDateTime(date: d, hour: h, minute: m)) }

    var profile: DeskProfile {
        DeskProfile(province: "Tỉnh Đồng Nai", commune: "Xã Tân Phú", deskName: "Bộ phận Tiếp nhận và Trả kết quả", deskCode: "XTP")
    }

    var procedure: Procedure {
        Procedure(code: "HT-XNHN", name: "Cấp Giấy xác nhận tình trạng hôn nhân", field: "Hộ tịch", processingDays: 3,
                  cutoffMinuteOfDay: nil, fee: 15_000, feeNote: "theo Nghị quyết HĐND tỉnh", deliveries: [.desk, .post],
                  effectiveFrom: nil, effectiveTo: nil, legalBasis: "Luật Hộ tịch 2014")
    }

    var applicant: Applicant {
        Applicant(id: 7, name: "Nguyễn Thị Hồng Sự", idNumber: "001190012345", phone: "0912345678",
                  address: "Số 12, ấp Bàu Cá, Xã Tân Phú, Tỉnh Đồng Nai")
    }

    var dossier: Dossier {
        var d = Dossier(id: 1, code: "XTP-261125-007", procedureCode: "HT-XNHN", applicantId: 7, applicantName: "Nguyễn Thị Hồng Sự",
                        channel: .direct, delivery: .post, deliveryAddress: "Số 12, ấp Bàu Cá", receivedAt: at(day, 8, 5),
                        dueDate: LocalDate(year: 2026, month: 11, day: 30)!, status: .received, counter: 1, clerk: "Lê Văn Lan")
        d.procedureSnapshot = ProcedureSnapshot(procedure)
        d.documents = [ReceivedDocument(name: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals: 1, copies: 0),
                       ReceivedDocument(name: "Căn cước công dân", originals: 0, copies: 2)]
        return d
    }

    func event(_ action: String, _ d: LocalDate, _ h: Int, _ m: Int, _ edit: (inout EventData) -> Void = { _ in }) -> AuditEvent {
        var data = EventData()
        edit(&data)
        return AuditEvent(at: at(d, h, m), actor: Actor(user: "lan", counter: 1), entity: "dossier", entityKey: "XTP-261125-007",
                          action: action, data: data.json())
    }

    func context(_ d: Dossier? = nil, events: [AuditEvent] = []) -> SlipContext {
        SlipContext(dossier: d ?? dossier, applicant: applicant, profile: profile, events: events, issuedAt: at(day, 8, 6))
    }

    func checkWidth(_ slip: Slip, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in slip.lines {
            #expect(CellWidth.of(line) <= 80, "\(CellWidth.of(line)) cells: \(line)", sourceLocation: sourceLocation)
            #expect(!line.contains("\n"), sourceLocation: sourceLocation)
        }
        #expect(slip.text == slip.text.precomposedStringWithCanonicalMapping, "NFC", sourceLocation: sourceLocation)
        let ascii = slip.ascii
        for line in ascii.lines {
            #expect(line.unicodeScalars.allSatisfy({ $0.isASCII }), "not ASCII: \(line)", sourceLocation: sourceLocation)
            #expect(line.count <= 80, sourceLocation: sourceLocation)
        }
    }

    @Test func receiptHasEveryFieldTwice() {
        let slip = ReceiptSlip.render(context())
        let t = slip.text
        checkWidth(slip)
        for field in ["ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "TỈNH ĐỒNG NAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                      "Tân Phú, ngày 25 tháng 11 năm 2026", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: XTP-261125-007",
                      "Ông/Bà: Nguyễn Thị Hồng Sự", "Số 12, ấp Bàu Cá", "Số điện thoại: 0912345678",
                      "Cấp Giấy xác nhận tình trạng hôn nhân (HT-XNHN)", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân — bản chính: 1",
                      "Căn cước công dân — bản sao: 2", "Số lượng hồ sơ: 01 (bộ)", "3 ngày làm việc",
                      "08 giờ 05 phút, ngày 25/11/2026", "ngày 30/11/2026", "Qua bưu chính", "15.000 đồng", "theo Nghị quyết HĐND tỉnh",
                      "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Văn Lan"] {
            #expect(t.contains(field), "missing \(field)")
        }
        #expect(t.components(separatedBy: "Mã hồ sơ: XTP-261125-007").count == 3, "two copies")
        #expect(t.contains("Liên 1: Giao người nộp hồ sơ") && t.contains("Liên 2: Lưu tại Bộ phận Một cửa"))
        // The CCCD is not on the receipt's fields (nobody asked for it there).
        #expect(!t.contains("001190012345"))
    }

    @Test func receiptShowsAProvisionalDueDateWithItsNote() {
        var c = context()
        let tet = CalendarDay(date: LocalDate(year: 2027, month: 2, day: 8)!, kind: .holiday, isWorkingDay: false,
                              reason: Localized(vi: "Tết", en: "Tet"), source: "default",
                              provisional: ProvisionalHoliday(holiday: .tet, year: 2027))
        c.due = DueDate(date: LocalDate(year: 2027, month: 2, day: 11)!, countedFrom: day, provisional: [tet])
        let t = ReceiptSlip.render(c).text
        #expect(t.contains("ngày 11/02/2027*"))
        #expect(t.contains("* dự kiến"))
    }

    @Test func receiptInDaysAndSameDay() {
        var d = dossier
        d.procedureSnapshot?.processingUnit = .days
        d.procedureSnapshot?.processingDays = 30
        #expect(ReceiptSlip.render(context(d)).text.contains("30 ngày"))
        d.procedureSnapshot?.processingDays = 0
        #expect(ReceiptSlip.render(context(d)).text.contains("Trong ngày"))
    }

    @Test func supplementListsWhatIsMissingAndTheReason() throws {
        var d = dossier
        d.status = .needsSupplement
        d.missingItems = ["Bản sao giấy khai sinh", "Xác nhận nơi cư trú"]
        let slip = try SupplementSlip.render(context(d), reason: "Thiếu giấy tờ chứng minh")
        checkWidth(slip)
        let t = slip.text
        for field in ["PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "XTP-261125-007", "Kính gửi: Ông/Bà Nguyễn Thị Hồng Sự",
                      "1. Bản sao giấy khai sinh", "2. Xác nhận nơi cư trú", "Lý do: Thiếu giấy tờ chứng minh", "Ngày 25/11/2026",
                      "Lê Văn Lan"] {
            #expect(t.contains(field), "missing \(field)")
        }
        #expect(throws: RuleViolation.self) { try SupplementSlip.render(context()) }
    }

    @Test func refusalAndStopNeedAReason() throws {
        var d = dossier
        d.reason = "Không thuộc thẩm quyền của xã"
        for slip in [try RefusalSlip.render(context(d)), try StopSlip.render(context(d))] {
            checkWidth(slip)
            #expect(slip.text.contains("Lý do: Không thuộc thẩm quyền của xã"))
            #expect(slip.text.contains("XTP-261125-007") && slip.text.contains("Nguyễn Thị Hồng Sự"))
        }
        #expect(try RefusalSlip.render(context(d)).text.contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"))
        #expect(try StopSlip.render(context(d)).text.contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"))
        #expect(throws: FieldError.self) { try RefusalSlip.render(context()) }
        #expect(throws: FieldError.self) { try StopSlip.render(context(), reason: "  ") }
        #expect(try StopSlip.render(context(), reason: "Người nộp đề nghị dừng").text.contains("Người nộp đề nghị dừng"))
    }

    @Test func apologyHasOldAndNewDatesAndRefusesABadNewDate() throws {
        let cal = WorkingCalendar()
        let slip = try ApologySlip.render(context(), newDue: LocalDate(year: 2026, month: 12, day: 3)!, reason: "Chờ xác minh nơi cư trú", calendar: cal)
        checkWidth(slip)
        let t = slip.text
        for field in ["VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "XTP-261125-007", "ngày 30/11/2026",
                      "ngày 03/12/2026", "Lý do: Chờ xác minh nơi cư trú", "xin lỗi"] {
            #expect(t.contains(field), "missing \(field)")
        }
        // Before the old date, on a Sunday, or without a reason: refused.
        #expect(throws: FieldError.self) { try ApologySlip.render(context(), newDue: LocalDate(year: 2026, month: 11, day: 27)!, reason: "x", calendar: cal) }
        #expect(throws: FieldError.self) { try ApologySlip.render(context(), newDue: LocalDate(year: 2026, month: 12, day: 6)!, reason: "x", calendar: cal) }
        #expect(throws: FieldError.self) { try ApologySlip.render(context(), newDue: LocalDate(year: 2026, month: 12, day: 3)!, reason: nil, calendar: cal) }
    }

    @Test func controlSheetTabulatesEveryHandover() {
        let d2 = LocalDate(year: 2026, month: 12, day: 1)!
        let events = [
            event("receive", day, 8, 5) { $0.dueDate = "2026-11-30" },
            event("process", day, 9, 0),
            event("ready", d2, 10, 0),
            event("return", d2, 14, 30) { $0.receiverName = "Nguyễn Thị Hồng Sự" },
        ]
        let c = context(events: events)
        let steps = ControlSheet.steps(c)
        #expect(steps.count == 4)
        #expect(steps[0].from == "Nguyễn Thị Hồng Sự" && steps[0].result == "Tiếp nhận")
        #expect(steps[2].result == "Có kết quả — Quá hạn")
        let slip = ControlSheet.render(c)
        checkWidth(slip)
        let t = slip.text
        for field in ["PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "XTP-261125-007", "Bên giao", "Bên nhận", "Thời gian", "Hạn", "Kết quả",
                      "25/11/2026", "08:05", "01/12/2026", "14:30", "30/11/2026", "Trả kết quả", "Quá hạn"] {
            #expect(t.contains(field), "missing \(field)")
        }
    }

    @Test func aSendToADepartmentIsNamedOnTheControlSheet() {
        let events = [
            event("receive", day, 8, 5) { $0.dueDate = "2026-11-30" },
            event("send", day, 9, 0) { $0.sentTo = "Công chức Tư pháp - Hộ tịch" },
        ]
        let steps = ControlSheet.steps(context(events: events))
        #expect(steps.count == 2)
        #expect(steps[1].to == "Công chức Tư pháp - Hộ tịch" && steps[1].result.hasPrefix("Chuyển giải quyết"))
    }

    /// Trial: an undone apology and an undone post stayed on the sheet, the real apology read
    /// "Trước hạn" against its own new date, and the post's delivery was missing.
    @Test func theControlSheetShowsOnlyStepsInForceJudgedOnTheFirstDate() {
        let d = { (day: Int) in LocalDate(year: 2026, month: 12, day: day)! }
        var undonePost = event("post", d(1), 9, 0) { $0.trackingNumber = "EC136431858VN" }
        undonePost.undoneBy = 7
        var undoneApology = event("apologize", d(1), 9, 30) { $0.dueDate = "2026-12-01" }
        undoneApology.undoneBy = 8
        let events = [
            event("receive", day, 8, 5) { $0.dueDate = "2026-11-30" },
            event("ready", d(1), 8, 0),
            undonePost, event("undo", d(1), 9, 1), undoneApology, event("undo", d(1), 9, 31),
            event("apologize", d(1), 10, 0) { $0.dueDate = "2026-12-04" },
            event("post", d(2), 9, 0) { $0.trackingNumber = "EC136431858VN" },
            event("post-delivered", d(3), 15, 0),
        ]
        let steps = ControlSheet.steps(context(events: events))
        #expect(steps.map(\.result) == ["Tiếp nhận", "Có kết quả — Quá hạn", "Xin lỗi, hẹn lại — Quá hạn", "Gửi bưu chính — Quá hạn",
                                          "Bưu điện đã phát — Quá hạn"])
        #expect(steps[2].due == d(4) && steps[1].due == LocalDate(year: 2026, month: 11, day: 30)!)
        #expect(steps[4].from == "Bưu chính" && steps[4].to == "Nguyễn Thị Hồng Sự")
    }

    @Test func ticketSlipIsLargeAndKeepsNoPersonalData() {
        var t = Ticket(id: 1, day: day, series: .ordinary, number: 12, applicantName: "Nguyễn Thị Hồng Sự", phone: "0912345678",
                       idNumber: "001190012345", status: .waiting, issuedAt: at(day, 7, 45))
        let slip = TicketSlip.render(ticket: t, peopleAhead: 3, profile: profile)
        checkWidth(slip)
        let text = slip.text
        #expect(!text.contains("0912345678") && !text.contains("001190012345") && !text.contains("Hồng Sự"))
        #expect(text.contains("A012") && text.contains("07:45") && text.contains("Số người chờ trước: 3"))
        #expect(text.contains("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"))
        // Five lines of block digits, all the same width.
        let big = slip.lines.filter { $0.contains("█") }
        #expect(big.count == BlockDigits.height)
        #expect(Set(BlockDigits.render("A012").map(CellWidth.of)).count == 1)
        // Drawn as one block: every line of the drawing is there, shifted by the same amount.
        let drawn = BlockDigits.render("A012")
        let shift = String(repeating: " ", count: (80 - CellWidth.of(drawn[0])) / 2)
        #expect(big == drawn.map { SlipLayout.trimRight(shift + $0) })
        #expect(slip.ascii.lines.contains { $0.contains("#####") })
        t.series = .priority
        #expect(TicketSlip.render(ticket: t, peopleAhead: 0, profile: profile).text.contains("Không có ai chờ trước"))
    }

    @Test func registerIsCSVWithBOMAndCRLF() throws {
        var d = dossier
        d.status = .returned
        d.readyAt = at(LocalDate(year: 2026, month: 11, day: 28)!, 9, 0)
        d.closedAt = at(LocalDate(year: 2026, month: 11, day: 30)!, 10, 15)
        d.resultReceiver = "Nguyễn Thị Hồng Sự"
        let entry = RegisterCSV.Entry(dossier: d, applicant: applicant, events: [event("process", day, 9, 0)])
        let csv = RegisterCSV.render([entry], today: day)
        #expect(csv.hasPrefix("\u{FEFF}STT,Mã hồ sơ"))
        #expect(Data(csv.utf8).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let body = csv.dropFirst()
        #expect(body.contains("\r\n"))
        #expect(!body.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        let records = try CSV.parse(csv)
        #expect(records.count == 2)
        #expect(records[0].fields == RegisterCSV.header)
        let row = records[1].fields
        #expect(row[0] == "1" && row[1] == "XTP-261125-007" && row[2] == "Cấp Giấy xác nhận tình trạng hôn nhân")
        #expect(row[3] == "Nguyễn Thị Hồng Sự" && row[4].contains("0912345678") && row[4].contains("ấp Bàu Cá"))
        #expect(row[5] == "08:05 25/11/2026" && row[6] == "30/11/2026" && row[7] == "" && row[8] == "Trước hạn")
        #expect(row[9] == "09:00 25/11/2026")
        #expect(row[10] == "09:00 28/11/2026" && row[11] == "10:15 30/11/2026" && row[12] == "Nguyễn Thị Hồng Sự")
        #expect(row[13].contains("Đã trả tại quầy"))
    }

    /// An apology's dossier shows both dates, and stays late however its new date compares.
    @Test func theRegisterShowsTheFirstDateOfAnApologisedDossier() throws {
        var d = dossier
        d.status = .returned
        d.originalDueDate = d.dueDate
        d.dueDate = LocalDate(year: 2026, month: 12, day: 4)!
        d.apologyReason = "Chờ xác minh nơi cư trú"
        d.readyAt = at(LocalDate(year: 2026, month: 12, day: 2)!, 9, 0)
        d.closedAt = at(LocalDate(year: 2026, month: 12, day: 3)!, 9, 0)
        d.feeCollected = 3000
        let row = try CSV.parse(RegisterCSV.render([RegisterCSV.Entry(dossier: d, applicant: applicant)], today: day))[1].fields
        #expect(row[6] == "04/12/2026" && row[7] == "30/11/2026" && row[8] == "Trễ hạn")
        #expect(row[13].contains("đã xin lỗi, hẹn lại: Chờ xác minh nơi cư trú") && row[13].contains("đã thu 3.000 đ"), "\(row[13])")
        // Still without a result: overdue on the first date, whatever the new one.
        var open = d
        open.status = .processing; open.readyAt = nil; open.closedAt = nil
        let dec1 = LocalDate(year: 2026, month: 12, day: 1)!
        #expect(RegisterCSV.rows([RegisterCSV.Entry(dossier: open)], today: dec1)[0][8] == "Chưa có KQ, quá hạn")
        #expect(RegisterCSV.rows([RegisterCSV.Entry(dossier: open)], today: day)[0][8] == "Chưa có KQ, trong hạn")
    }

    @Test func layoutWrapsByCellsAndKeepsTheWidth() {
        let long = String(repeating: "Nguyễn Thị Hồng Sự ", count: 12) + String(repeating: "漢", count: 50)
        for line in SlipLayout.wrap(long) { #expect(CellWidth.of(line) <= 80) }
        for line in SlipLayout.field("Địa chỉ", long) { #expect(CellWidth.of(line) <= 80) }
        #expect(SlipLayout.center("abc", width: 9) == ["   abc"])
        #expect(SlipLayout.money(1_250_000) == "1.250.000 đồng")
        #expect(SlipLayout.placeName("Phường Bến Thành") == "Bến Thành")
        let header = SlipLayout.nationalHeader(profile)
        #expect(header.allSatisfy { CellWidth.of($0) <= 80 })
        #expect(SlipText.ascii("ĐỒNG NAI ── █ … “x”") == ["DONG NAI -- # ... \"x\""])
    }

    @Test func controlCharactersNeverReachThePrinter() {
        var d = dossier
        d.applicantName = "Nguyễn\u{1B}[2J Văn"
        let slip = ReceiptSlip.render(context(d))
        #expect(!slip.text.unicodeScalars.contains { $0.value == 0x1B })
        #expect(slip.text.contains("Nguyễn\u{FFFD}[2J Văn"))
    }

    @Test func formsParseByNameAndNumber() throws {
        #expect(try SlipForm.parse("receipt") == .receipt)
        #expect(try SlipForm.parse("06") == .control)
        #expect(try SlipForm.parse("4") == .apology)
        #expect(throws: FieldError.self) { try SlipForm.parse("ticket") }
    }
}

@Suite struct DeskInSentenceTests {
    @Test func theCommuneIsNamedOnceAndInLowerCaseMidSentence() {
        var p = DeskProfile(commune: "Xã Tân Tiến", deskName: "Bộ phận Một cửa xã Tân Tiến")
        #expect(SlipLayout.deskInSentence(p) == "Bộ phận Một cửa xã Tân Tiến")
        p.deskName = "Bộ phận Một cửa"
        #expect(SlipLayout.deskInSentence(p) == "Bộ phận Một cửa xã Tân Tiến")
    }
}

extension SlipTests {
    @Test func theRegistersJSONKeysMatchItsColumns() {
        #expect(RegisterCSV.keys.count == RegisterCSV.header.count)
    }
}
