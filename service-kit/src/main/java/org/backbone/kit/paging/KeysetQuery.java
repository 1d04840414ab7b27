package org.backbone.kit.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds a Panache query for one page of a keyset-paged list: filters, the "after this key"
 * condition of a cursor, and the order, with positional parameters numbered for you.
 *
 * <pre>
 * KeysetQuery query = new KeysetQuery().and("sector = ?", sector).after("lower(name)", lastName, lastId);
 * Organisation.find(query.orderedBy("lower(name)"), query.parameters()).range(0, limit).list();
 * </pre>
 */
public final class KeysetQuery {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code condition}, whose single {@code ?} stands for {@code value}. */
    public KeysetQuery and(String condition, Object value) {
        parameters.add(value);
        where.append(" and (").append(condition.replace("?", "?" + parameters.size())).append(')');
        return this;
    }

    /** Rows after ({@code sortKey}, id) = ({@code keyValue}, {@code id}) in ascending order. */
    public KeysetQuery after(String sortKey, Object keyValue, UUID id) {
        parameters.add(keyValue);
        int key = parameters.size();
        parameters.add(id);
        where.append(" and (").append(sortKey).append(" > ?").append(key).append(" or (").append(sortKey)
                .append(" = ?").append(key).append(" and id > ?").append(key + 1).append("))");
        return this;
    }

    /** The query text, ordered by {@code sortKey} then id. */
    public String orderedBy(String sortKey) {
        return where + " order by " + sortKey + ", id";
    }

    public Object[] parameters() {
        return parameters.toArray();
    }
}
