package org.measures311.facts;

import java.time.LocalDate;

/** One entry of the 311 skill list: a CMS skill number and/or name, valid between two inclusive local dates. */
public record ListedSkill(Integer number, String name, LocalDate validFrom, LocalDate validTo) {
    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
