import Foundation
import Testing
@testable import MotCuaCore

@Suite("Report text and CSV")
struct ReportOutputTests {
    typealias F = NovemberFixture
    var report: Report { Report.build(F.rows, period: F.november, today: F.day(5, 12), calendar: WorkingCalendar()) }

    @Test("the text fits 80 columns, by field and by procedure, in both languages")
    func fits() {
        var long = F.rows
        long.dossiers.append(F.dossier("N", field: "Lĩnh vực có một cái tên rất dài để thử việc cắt bớt cho vừa", received: (2, 11),
                                       due: (3, 11), status: .processing))
        let r = Report.build(long, period: F.november, today: F.day(5, 12), calendar: WorkingCalendar())
        for grouping in ReportGrouping.allCases {
            for lang in Language.allCases {
                let lines = ReportText.render(r, grouping: grouping, language: lang).split(separator: "\n").map(String.init)
                #expect(lines.allSatisfy { CellWidth.of($0) <= 80 }, "\(grouping) \(lang): \(lines.filter { CellWidth.of($0) > 80 })")
            }
        }
    }

    @Test("by procedure with long names, the first column is one width in the three tables")
    func oneFirstColumn() {
        var long = F.rows
        var d = Dossier(code: "N", procedureCode: "HT-XN", applicantName: "Người N", channel: .direct,
                        receivedAt: F.at(2, 11), dueDate: F.day(3, 11), status: .processing)
        d.readyAt = nil
        long.dossiers.append(ReportDossier(dossier: d, catalogName: "Cấp bản sao trích lục hộ tịch, xác nhận thông tin hộ tịch đã đăng ký",
                                           catalogField: F.hoTich))
        let r = Report.build(long, period: F.november, today: F.day(5, 12), calendar: WorkingCalendar())
        for lang in Language.allCases {
            let lines = ReportText.render(r, grouping: .procedure, language: lang).split(separator: "\n").map(String.init)
            // The long name as each table cuts it (up to the two spaces before the figures).
            let cut = lines.filter { $0.hasPrefix("HT-XN ") }.compactMap { $0.components(separatedBy: "  ").first }
            #expect(cut.count == 3 && Set(cut).count == 1, "\(lang): \(cut)")
        }
    }

    @Test("the text's rows carry the hand-counted figures under their headings")
    func text() {
        let vi = ReportText.render(report, language: .vi).split(separator: "\n").map(String.init)
        #expect(vi[0] == "BÁO CÁO THỐNG KÊ — THÁNG 11/2026")
        #expect(vi[1] == "Từ 01/11/2026 đến 30/11/2026")
        #expect(vi.contains("Lĩnh vực    Tổng  Kỳ trước  Trực tuyến  Trực tiếp  Bưu chính"))
        #expect(vi.contains("Hộ tịch        5         3           1          0          1"))
        #expect(vi.contains("Hộ tịch        4          1         1        2           50,0%"))
        #expect(vi.contains("Chứng thực     3          2        1    1        1"))
        #expect(vi.contains("Tổng cộng     10         3           1          5          1"))
        #expect(vi.contains("Khách vãng lai: 5 lượt; đã gọi 4; vắng mặt 1 (25,0%)"))
        #expect(vi.contains("Chờ đến lượt: trung vị 5 phút; 90% không quá 14 phút"))
        #expect(vi.contains("Lịch hẹn: 4 đã đặt; đến 2; không đến 1; chưa đến 1; huỷ 1; giữ hẹn 66,7%"))
        let en = ReportText.render(report, grouping: .procedure, language: .en)
        #expect(en.contains("DOSSIERS — RESOLVED") && en.contains("HT-KS Đăng ký khai sinh") && en.contains("50.0%"))
        #expect(en.contains("Wait to be called: median 5 min; 90% within 14 min"))
    }

    @Test("CSV: a byte-order mark, CRLF only, every column, the total; values do not follow the separator")
    func csv() {
        let text = ReportCSV.render(report, language: .vi)
        #expect(text.hasPrefix("\u{FEFF}Báo cáo,Tháng 11/2026,01/11/2026,30/11/2026,Số liệu đến 30/11/2026\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = text.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[2].hasPrefix("Lĩnh vực,Mã thủ tục,Tên thủ tục,Số hồ sơ tiếp nhận,Kỳ trước chuyển qua,Mới tiếp nhận trực tuyến"))
        #expect(lines.contains("Hộ tịch,,,5,3,1,0,1,4,1,1,2,\"50,0\",1,0,1,0,0"))
        #expect(lines.contains("Tổng cộng,,,10,3,1,5,1,4,1,1,2,\"50,0\",4,2,2,1,1"))
        #expect(lines.contains("Thời gian chờ trung vị (phút),5"))
        #expect(lines.contains("02/11/2026,3") && lines.contains("13:00,2"))
        let procedures = ReportCSV.render(report, grouping: .procedure, language: .en)
        #expect(procedures.contains("Hộ tịch,HT-KS,Đăng ký khai sinh,5,3,1,0,1,4,1,1,2,50.0,1,0,1,0,0\r\n"))
    }
}
