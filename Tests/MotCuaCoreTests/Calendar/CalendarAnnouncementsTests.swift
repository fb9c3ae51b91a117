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
