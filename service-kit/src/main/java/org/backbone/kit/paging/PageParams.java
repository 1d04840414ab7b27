package org.backbone.kit.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code ?limit=&cursor=} for every list; use as {@code @BeanParam @Valid PageParams page}. */
public class PageParams {

    public static final int MAX_LIMIT = 200;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(MAX_LIMIT)
    @Parameter(description = "Items per page, 1–200")
    public int limit;

    @QueryParam("cursor")
    @Parameter(description = "The `next` value of the previous page")
    public String cursor;
}
