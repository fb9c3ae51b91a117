import Testing
@testable import MotCuaCore

@Suite("Calendar announcements file")
struct CalendarAnnouncementsTests {
    private func parseError(_ text: String) -> CalendarFileError? {
        do {
            _ = try CalendarAnnouncements.parse(text: text, fileName: "test.txt")
            return nil
        } catch {
            return error
        }
    }

    @Test func builtInFileParses() throws {
        let text = String(decoding: PackageResources.holidays_vn_txt, as: UTF8.self)
        let parsed = try CalendarAnnouncements.parse(text: text, fileName: "holidays-vn.txt")
        #expect(parsed == CalendarAnnouncements.builtIn)
        let makeUp = try #require(LocalDate(iso: "2026-01-10"))
        let a = try #require(parsed.entry(on: makeUp))
        #expect(a.kind == .work)
        #expect(a.source == "Công văn 12729/VPCP-KGVX")
        #expect(parsed.entries(year: 2026).filter { $0.kind == .tet }.count == 5)
        #expect(parsed.entries.allSatisfy { !$0.source.isEmpty && !$0.reason.isEmpty })
    }

    @Test func syntax() throws {
        let text = """
        # comment
           # indented comment

        2026-02-16 tet  Tết Bính Ngọ (29 tháng Chạp) | Thông báo 9441/TB-BNV
        10/01/2026\twork\tLàm bù ngày 02/01/2026 #1 | Công văn 12729/VPCP-KGVX
        2026-09-01 national-day Quốc khánh | TB 1
        """
        let parsed = try CalendarAnnouncements.parse(text: text, fileName: "x.txt")
        #expect(parsed.entries.count == 3)
        let work = try #require(parsed.entries.first { $0.kind == .work })
        #expect(work.date == LocalDate(year: 2026, month: 1, day: 10))
        #expect(work.reason == "Làm bù ngày 02/01/2026 #1")
        #expect(work.line == 5)
        // Sorted by date, whatever the order in the file.
        #expect(parsed.entries.map(\.kind) == [.work, .tet, .nationalDay])
        #expect(parsed.entries[1].source == "Thông báo 9441/TB-BNV")
    }

    @Test func crlfLineNumbers() {
        let e = parseError("# a\r\n2026-01-02 off X | Y\r\n2026-13-01 off X | Y\r\n")
        #expect(e?.line == 3)
    }

    @Test("bad lines name file:line and the problem", arguments: [
        ("2026-02-30 off Sai | X", "not a valid date"),
        ("hôm nay off Sai | X", "not a valid date"),
        ("2026-01-02", "missing the kind"),
        ("2026-01-02 nghi Tết | X", "unknown kind ‘nghi’"),
        ("2026-01-02 off Tết dương lịch", "missing the source"),
        ("2026-01-02 off | X", "missing the reason"),
        ("2026-01-02 off Tết |  ", "missing the document number"),
        ("2026-01-10 off Làm bù | X", "is a Saturday"),
        ("2026-03-20 tet Tết | X", "more than 10 days from Tết"),
        ("2026-08-31 national-day Quốc khánh | X", "1, 2 or 3 September"),
    ])
    func badLine(line: String, problem: String) throws {
        let e = try #require(parseError("# header\n" + line))
        #expect(e.line == 2)
        #expect(e.fileName == "test.txt")
        #expect(e.message.en.contains(problem), "\(e.message.en)")
        #expect(!e.message.vi.isEmpty)
        #expect(e.text(.en).hasPrefix("test.txt:2: "))
    }

    @Test func duplicateDate() throws {
        let e = try #require(parseError("2026-01-02 off A | X\n\n2026-01-02 work B | Y"))
        #expect(e.line == 3)
        #expect(e.message.en == "2026-01-02 is already listed on line 1")
        #expect(e.description == "test.txt:3: ngày 02/01/2026 đã có ở dòng 1")
    }
}

@Suite("Adding an announcement (calendar announce)")
struct CalendarAnnounceTests {
    let base = """
    # desk calendar
    2026-01-10 work Làm bù | Công văn 12729/VPCP-KGVX
    """

    private func refusal(_ text: String? = nil, date: String = "2027-02-04", kind: String = "tet",
                         reason: String = "Tết Đinh Mùi", source: String = "Thông báo 1/TB-BNV") -> CalendarFileError? {
        do {
            _ = try CalendarAnnouncements.appending(to: text ?? base, fileName: "calendar.txt", date: date, kind: kind,
                                                    reason: reason, source: source)
            return nil
        } catch {
            return error
        }
    }

    @Test func roundTrip() throws {
        let (text, entry) = try CalendarAnnouncements.appending(to: base, fileName: "calendar.txt", date: "04/02/2027",
                                                                kind: "tet", reason: "  Tết Đinh Mùi (28 tháng Chạp) ",
                                                                source: "Thông báo 1/TB-BNV")
        // Appended after the last line, with the date written back in ISO.
        #expect(text == base + "\n2027-02-04 tet Tết Đinh Mùi (28 tháng Chạp) | Thông báo 1/TB-BNV\n")
        #expect(entry.line == 3 && entry.date.iso == "2027-02-04" && entry.kind == .tet)
        let reread = try CalendarAnnouncements.parse(text: text, fileName: "calendar.txt")
        #expect(reread.entries.count == 2)
        #expect(reread.entry(on: entry.date) == entry)
        // And again: the next line goes after it.
        let (text2, second) = try CalendarAnnouncements.appending(to: text, fileName: "calendar.txt", date: "2027-02-05",
                                                                  kind: "tet", reason: "Tết Đinh Mùi (29 tháng Chạp)", source: "Thông báo 1/TB-BNV")
        #expect(second.line == 4)
        #expect(try CalendarAnnouncements.parse(text: text2, fileName: "calendar.txt").entries(year: 2027).count == 2)
    }

    @Test func refusesBadLinesWithFileAndLine() throws {
        #expect(refusal(date: "2027-02-30")?.text(.vi) == "calendar.txt:3: ‘2027-02-30’ không phải ngày hợp lệ (viết YYYY-MM-DD, ví dụ 2026-02-16)")
        #expect(refusal(date: "2027-02-06", kind: "off")?.text(.en)
                == "calendar.txt:3: 2027-02-06 is a Saturday, already a day off; a make-up working day is ‘work’")
        #expect(refusal(source: "")?.text(.en) == "calendar.txt:3: missing the document number after ‘|’")
        #expect(refusal(source: "   ")?.text(.en) == "calendar.txt:3: missing the document number after ‘|’")
        #expect(refusal(reason: "")?.text(.en) == "calendar.txt:3: missing the reason before ‘|’")
        #expect(refusal(kind: "holiday")?.text(.en).hasPrefix("calendar.txt:3: unknown kind ‘holiday’") == true)
        #expect(refusal(date: "2026-01-10", kind: "work")?.text(.en) == "calendar.txt:3: 2026-01-10 is already listed on line 2")
        #expect(refusal(reason: "a | b")?.text(.en) == "calendar.txt:3: the reason must not contain ‘|’ or a line break")
        #expect(refusal(source: "X\n2027-01-01 off y | z")?.line == 3)
        #expect(refusal(date: "2027-02-04 tet")?.line == 3)
        // A file without a final newline: the new line still gets its own line.
        let (text, entry) = try CalendarAnnouncements.appending(to: "# x", fileName: "c.txt", date: "2027-03-01", kind: "off",
                                                                reason: "r", source: "s")
        #expect(text == "# x\n2027-03-01 off r | s\n" && entry.line == 2)
    }

    /// 24/11 is a removable line whose source says its basis is unconfirmed.
    @Test func unconfirmedBasis() throws {
        let flagged = CalendarAnnouncements.builtIn.entries.filter(\.isBasisUnconfirmed)
        #expect(flagged.map(\.date.iso) == ["2026-11-24", "2027-11-24"])
        #expect(flagged.allSatisfy { $0.kind == .off && $0.reason == "Ngày Văn hóa Việt Nam" })
        let typed = try CalendarAnnouncements.parse(text: "2027-11-24 off Ngày Văn hóa Việt Nam | chua xac nhan", fileName: "c.txt")
        #expect(typed.entries.first?.isBasisUnconfirmed == true)
        let confirmed = try CalendarAnnouncements.parse(text: "2027-11-24 off Ngày Văn hóa Việt Nam | Luật 99/2026/QH15", fileName: "c.txt")
        #expect(confirmed.entries.first?.isBasisUnconfirmed == false)
    }
}
