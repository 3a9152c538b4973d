"""`__in` on integer columns ignores numbers the column cannot hold.

Django's own `exact`, `gt`, `lt`... lookups on integer fields answer "no rows" for a number
beyond the column's range (`IntegerFieldOverflow`), but `__in` sends it to the database, where
SQLite raises OverflowError and PostgreSQL a DataError: a form that checks a list of ids (the
admin's many-to-many fields) answered a 400-digit id with a server error. This lookup drops such
numbers first, so the list means what it would mean with an exact lookup for each. Registered
on IntegerField, it covers every integer column and primary key; imported by CoreConfig.ready().
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
