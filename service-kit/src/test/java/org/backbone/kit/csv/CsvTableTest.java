package org.backbone.kit.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.backbone.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void rowsKeepTheirLineInTheFileAndBlankCellsAreAbsent() {
        CsvTable.Table table = CsvTable.read("code,parent,label\r\n\r\nN,,North\r\n\"N-HAI\",N,\"Haifa, the city\"\r\n", 10);
        assertThat(table.columns()).containsExactly("code", "parent", "label");
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(3, 4);
        assertThat(table.rows().get(0).cells()).containsOnlyKeys("code", "label");
        assertThat(table.rows().get(1).get("label")).isEqualTo("Haifa, the city");
    }

    @Test
    void aRowOfTheWrongWidthIsMarkedNotDropped() {
        CsvTable.Row row = CsvTable.read("a,b\n1,2,3\n", 10).rows().get(0);
        assertThat(row.consistent()).isFalse();
        assertThat(row.width()).isEqualTo(3);
    }

    @Test
    void anOpenQuoteIsA422NamingTheFileAndTooManyRowsToo() {
        assertThatThrownBy(() -> CsvTable.read("a,b\n\"1,2\n", 10)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("csv");
        assertThatThrownBy(() -> CsvTable.read("a\n1\n2\n3\n", 2)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("more than 2 rows");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        String csv = CsvTable.write(List.of("title", "note"), List.of(Arrays.asList("Club, \"Haifa\"", null),
                List.of("line\nbreak", "x")));
        CsvTable.Table back = CsvTable.read(csv, 10);
        assertThat(back.rows().get(0).get("title")).isEqualTo("Club, \"Haifa\"");
        assertThat(back.rows().get(0).get("note")).isNull();
        assertThat(back.rows().get(1).get("title")).isEqualTo("line\nbreak");
    }
}
